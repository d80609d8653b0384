import { SchemagateError } from '../../errors.js';

/** A model (or a part of it) that has no faithful schema: named by model and field path, never guessed. */
export class ModelMappingError extends SchemagateError {
  readonly model: string;
  readonly path: string;

  constructor(model: string, path: string, problem: string) {
    super('MODEL_UNMAPPABLE', `model ${model}${path === '' ? '' : `, field ${path}`}: ${problem}`);
    this.name = 'ModelMappingError';
    this.model = model;
    this.path = path;
  }
}

/** Something the mapping left out on purpose (a refinement that only narrows values). */
export interface MappingWarning {
  model: string;
  path: string;
  message: string;
}
