import type { ReferenceDatasetKind } from '@zhengji/domain';
import { buildDatasetTemplate } from '../../reference/dataset-template.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReference } from './reference-policy.ts';

/** The .xlsx import template of a dataset kind, with its documented columns. */
export async function getReferenceTemplate(ctx: UseCaseContext, kind: ReferenceDatasetKind): Promise<Buffer> {
  authorizeReference(ctx.actor, 'reference.import');
  return buildDatasetTemplate(kind);
}
