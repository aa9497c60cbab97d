import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DecisionForm } from './decision-form';
import { InformationRequestBuilder, itemId } from './information-request-builder';

describe(DecisionForm.name, () => {
  it('offers only the outcomes it is given and sends the reason, each condition with its reason, and informatives', async () => {
    const onDecide = vi.fn();
    const user = userEvent.setup();
    render(<DecisionForm outcomes={['approved', 'refused']} pending={false} onDecide={onDecide} />);
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['approved', 'refused']);
    await user.click(screen.getByRole('radio', { name: 'Approved' }));
    await user.click(screen.getByLabelText('Reason'));
    await user.paste('Meets the code');
    await user.click(screen.getByRole('button', { name: /Add condition/ }));
    await user.click(screen.getByLabelText('Condition 1', { exact: true }));
    await user.paste('Sprinklers before occupation');
    await user.click(screen.getByLabelText('Reason for condition 1'));
    await user.paste('Battery store fire load');
    await user.click(screen.getByRole('button', { name: /Add informative/ }));
    await user.click(screen.getByLabelText('Informative 1'));
    await user.paste('Advertisements need separate consent');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    await waitFor(() =>
      expect(onDecide).toHaveBeenCalledWith({
        outcome: 'approved',
        reason: 'Meets the code',
        conditions: [{ text: 'Sprinklers before occupation', reason: 'Battery store fire load' }],
        informatives: ['Advertisements need separate consent'],
      }),
    );
  });

  it('asks for the reason of every condition, and for a refusal lists its reasons one by one', async () => {
    const onDecide = vi.fn();
    const user = userEvent.setup();
    render(<DecisionForm outcomes={['approved', 'refused']} pending={false} onDecide={onDecide} />);
    await user.click(screen.getByRole('radio', { name: 'Approved' }));
    await user.click(screen.getByRole('button', { name: /Add condition/ }));
    await user.click(screen.getByLabelText('Condition 1', { exact: true }));
    await user.paste('Sprinklers');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByText('Reason for condition 1 is required', {}, { timeout: 5000 })).toBeTruthy();
    expect(onDecide).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Remove condition 1' }));
    await user.click(screen.getByRole('radio', { name: 'Refused' }));
    await user.click(screen.getByRole('button', { name: /Add reason/ }));
    await user.click(screen.getByLabelText('Reason 1'));
    await user.paste('Height exceeds the plan');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    await waitFor(() =>
      expect(onDecide).toHaveBeenCalledWith({ outcome: 'refused', refusalReasons: ['Height exceeds the plan'] }),
    );
  });

  it('adds a standard condition as the definition words it, keeping its key only while it is not reworded', async () => {
    const onDecide = vi.fn();
    const user = userEvent.setup();
    const standards = [
      { key: 'sprinklers', text: 'Sprinklers before occupation', reason: 'Fire load', policy: 'IFC 903.2' },
      { key: 'working-hours', text: 'Work 7:00 to 19:00 only', reason: 'Noise' },
    ];
    render(<DecisionForm outcomes={['approved']} standardConditions={standards} pending={false} onDecide={onDecide} />);
    await user.click(screen.getByRole('radio', { name: 'Approved' }));
    const offered = screen.getByRole('group', { name: 'Standard conditions' });
    await user.click(within(offered).getByRole('button', { name: /Sprinklers before occupation/ }));
    await user.click(within(offered).getByRole('button', { name: /Work 7:00 to 19:00 only/ }));
    expect(screen.getByLabelText<HTMLInputElement>('Condition 1', { exact: true }).value).toBe(
      'Sprinklers before occupation',
    );
    await user.click(screen.getByLabelText('Condition 2', { exact: true }));
    await user.paste(' on Saturdays too');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    await waitFor(() =>
      expect(onDecide).toHaveBeenCalledWith({
        outcome: 'approved',
        conditions: [
          { text: 'Sprinklers before occupation', reason: 'Fire load', policy: 'IFC 903.2', standard: 'sprinklers' },
          { text: 'Work 7:00 to 19:00 only on Saturdays too', reason: 'Noise' },
        ],
      }),
    );
  });

  it('refuses to send without an outcome and says which field is missing', async () => {
    const onDecide = vi.fn();
    const user = userEvent.setup();
    render(<DecisionForm outcomes={['complete']} pending={false} onDecide={onDecide} />);
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByText('Outcome is required')).toBeTruthy();
    expect(onDecide).not.toHaveBeenCalled();
  });
});

describe(InformationRequestBuilder.name, () => {
  it('sends one itemised list with identifiers the API accepts', async () => {
    const onSend = vi.fn();
    const user = userEvent.setup();
    render(<InformationRequestBuilder previous={[]} pending={false} onSend={onSend} />);
    await user.type(screen.getByLabelText('Item 1', { exact: true }), 'Site plan 1:500');
    await user.click(screen.getByRole('button', { name: /Add item/ }));
    await user.type(screen.getByLabelText('Item 2', { exact: true }), '3. Fire strategy');
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() =>
      expect(onSend).toHaveBeenCalledWith({
        items: [
          { id: 'site-plan-1-500', description: 'Site plan 1:500' },
          { id: 'item-2-3-fire-strategy', description: '3. Fire strategy' },
        ],
      }),
    );
  });

  it('starts from the items already asked for, keeping their identifiers', async () => {
    const onSend = vi.fn();
    const user = userEvent.setup();
    render(
      <InformationRequestBuilder
        previous={[{ id: 'site-plan', description: 'Site plan' }]}
        pending={false}
        onSend={onSend}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() =>
      expect(onSend).toHaveBeenCalledWith({ items: [{ id: 'site-plan', description: 'Site plan' }] }),
    );
    expect(itemId('!!!', 0)).toBe('item-1');
  });
});
