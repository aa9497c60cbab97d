import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import { describe, expect, it, vi } from 'vitest';
import { AttributeFields, schemaFromConditions, type AttributesSchemaLike } from './attribute-fields';

const schema: AttributesSchemaLike = {
  type: 'object',
  properties: {
    floorAreaM2: { type: 'number', title: 'Gross floor area (m²)', minimum: 1, maximum: 1000 },
    use: { type: 'string', title: 'Use', enum: ['factory', 'warehouse'] },
    inspectionRequired: { type: 'boolean', title: 'Site inspection required', default: false },
  },
  required: ['floorAreaM2'],
};

function Harness({ onFinish }: { onFinish: (values: unknown) => void }) {
  return (
    <Form onFinish={onFinish}>
      <AttributeFields schema={schema} />
      <Button htmlType="submit">Send</Button>
    </Form>
  );
}

describe(AttributeFields.name, () => {
  it('renders a labelled field of the right kind for every attribute the schema declares', () => {
    render(<Harness onFinish={vi.fn()} />);
    expect(screen.getByLabelText('Gross floor area (m²)').getAttribute('role')).toBe('spinbutton');
    expect(screen.getByLabelText('Use').getAttribute('role')).toBe('combobox');
    expect(screen.getByLabelText('Site inspection required').getAttribute('role')).toBe('switch');
  });

  it("shows the schema's limits inline before anything is sent", async () => {
    const onFinish = vi.fn();
    const user = userEvent.setup();
    render(<Harness onFinish={onFinish} />);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Gross floor area (m²) is required')).toBeTruthy();
    await user.type(screen.getByLabelText('Gross floor area (m²)'), '5000');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Gross floor area (m²) must be between 1 and 1000')).toBeTruthy();
    expect(onFinish).not.toHaveBeenCalled();
  });

  it('sends typed values under attributes', async () => {
    const onFinish = vi.fn();
    const user = userEvent.setup();
    render(<Harness onFinish={onFinish} />);
    await user.type(screen.getByLabelText('Gross floor area (m²)'), '800');
    await user.click(screen.getByLabelText('Site inspection required'));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(onFinish).toHaveBeenCalledWith({
        attributes: { floorAreaM2: 800, inspectionRequired: true, use: undefined },
      }),
    );
  });
});

describe('schemaFromConditions', () => {
  it('derives the attributes a definition without a schema routes on', () => {
    const derived = schemaFromConditions({
      steps: [
        {
          id: 'a',
          when: { all: [{ attr: 'loadKw', op: '>', value: 10 }, { not: { attr: 'dual', op: '==', value: true } }] },
        },
      ],
    });
    expect(derived.properties).toEqual({ loadKw: { type: 'number' }, dual: { type: 'boolean' } });
  });
});
