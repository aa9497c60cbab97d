import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DURATION_UNITS } from '@onewindow/domain';

/** OpenAPI shapes of definitions and their flow diagrams, so the generated web client is typed. */
export class DurationView {
  @ApiProperty() value!: number;
  @ApiProperty({ enum: DURATION_UNITS }) unit!: string;
}

export class StepOwnerView {
  @ApiProperty() department!: string;
  @ApiProperty() role!: string;
}

export class TimeoutView {
  @ApiProperty({ enum: ['escalate', 'deemed', 'complete', 'lapse'] }) action!: string;
  @ApiPropertyOptional() outcome?: string;
  @ApiPropertyOptional({ enum: ['complete', 'approved'] }) effect?: string;
  @ApiPropertyOptional() requiresNotice?: boolean;
}

export class AttributeSchemaView {
  @ApiProperty({ enum: ['string', 'number', 'integer', 'boolean'] }) type!: string;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional({ type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'number' }] } })
  enum?: Array<string | number>;
  @ApiPropertyOptional() minimum?: number;
  @ApiPropertyOptional() maximum?: number;
  @ApiPropertyOptional() exclusiveMinimum?: number;
  @ApiPropertyOptional() exclusiveMaximum?: number;
  @ApiPropertyOptional() minLength?: number;
  @ApiPropertyOptional() maxLength?: number;
  @ApiPropertyOptional() pattern?: string;
  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] })
  default?: string | number | boolean;
}

export class AttributesSchemaView {
  @ApiProperty({ enum: ['object'] }) type!: 'object';
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/AttributeSchemaView' } })
  properties!: Record<string, AttributeSchemaView>;
  @ApiPropertyOptional({ type: [String] }) required?: string[];
  @ApiPropertyOptional() additionalProperties?: boolean;
}

export class DefinitionView {
  @ApiProperty({ example: 'building-permit' }) key!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['permit', 'land-use', 'infrastructure'] }) requestType!: string;
  @ApiProperty({ description: 'Id of the working calendar its clocks use' }) jurisdiction!: string;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] })
  start!: string | string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'See libs/domain/src/definition/process-definition.types.ts',
  })
  steps!: object[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) caseClock?: object;
  @ApiPropertyOptional() extensionByAgreement?: boolean;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) appeal?: object;
  @ApiPropertyOptional({ type: AttributesSchemaView, description: 'The attributes a request must carry' })
  attributesSchema?: AttributesSchemaView;
}

export class GraphStepView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['task', 'parallel', 'period', 'applicant', 'payment', 'inspection'] }) kind!: string;
  @ApiProperty({ type: StepOwnerView }) owner!: StepOwnerView;
  @ApiPropertyOptional({ type: DurationView, nullable: true }) duration!: DurationView | null;
  @ApiProperty({ description: 'Attribute rules that may set another duration' }) durationRules!: number;
  @ApiPropertyOptional({ type: TimeoutView, nullable: true, description: 'What the timer does; null: no limit' })
  onTimeout!: TimeoutView | null;
  @ApiProperty({ description: "Time here does not count on the case's statutory clock" }) clockExcluded!: boolean;
  @ApiProperty({ description: 'Runs only when its routing condition holds' }) conditional!: boolean;
  @ApiProperty() start!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The joint review this member belongs to' })
  groupId!: string | null;
  @ApiPropertyOptional({ enum: ['all', 'any', 'quorum'] }) mode?: string;
  @ApiPropertyOptional() quorum?: number;
  @ApiPropertyOptional({ type: [String] }) members?: string[];
}

export class GraphEdgeView {
  @ApiProperty() from!: string;
  @ApiProperty({ description: "A step id, 'status:<status>' or 'end'" }) to!: string;
  @ApiProperty({ description: 'The outcome that takes this route' }) label!: string;
  @ApiProperty({ description: 'One of several routes the outcome starts at once' }) fork!: boolean;
}

export class CaseClockGraphView {
  @ApiPropertyOptional({ type: DurationView, nullable: true }) duration!: DurationView | null;
  @ApiProperty() durationRules!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) startsAfter!: string | null;
}

export class DefinitionGraphView {
  @ApiProperty() key!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [GraphStepView] }) steps!: GraphStepView[];
  @ApiProperty({ type: [GraphEdgeView] }) edges!: GraphEdgeView[];
  @ApiProperty({ type: [String], enum: ['approved', 'refused', 'lapsed', 'revoked'] }) outcomes!: string[];
  @ApiPropertyOptional({ type: CaseClockGraphView, nullable: true }) caseClock!: CaseClockGraphView | null;
}

export class DefinitionFaultView {
  @ApiProperty({ example: 'steps[5].next.issued' }) path!: string;
  @ApiProperty({ example: "unknown step 'isuance' (did you mean 'issuance'?)" }) message!: string;
}
