import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class MigrationResult {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ enum: ['migrated', 'unchanged', 'refused'], description: 'unchanged: it already ran that version' })
  result!: 'migrated' | 'unchanged' | 'refused';
  @ApiProperty({ description: 'The HTTP status a single migration of this case would have had' }) status!: number;
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional({ description: 'Why the case was refused (it stays as it was)' }) message?: string;
}

class VersionRef {
  @ApiProperty() key!: string;
  @ApiProperty() version!: number;
}

export class MigrationView {
  @ApiProperty({ type: VersionRef }) to!: VersionRef;
  @ApiProperty() migrated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() refused!: number;
  @ApiProperty({ type: [MigrationResult] }) results!: MigrationResult[];
  @ApiProperty({ type: [String], description: 'Cases not reached before the time ran out: send them again' })
  remaining!: string[];
}
