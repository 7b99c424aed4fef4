// The person's case pages ("was your problem solved?" and the rating) both open on one case: the one in the address.
import { graphql } from '../shared/graphql.js';

/**
 * Loads the case named by page.params.caseId, with the given fields, into page.theCase; a failure goes to page.problem
 * (code not-found when the gateway answers none: another person's case, or no such case).
 */
export async function loadCase(page, fields) {
  try {
    const found = (await graphql(`query Case($id: ID!) { case(id: $id) { ${fields} } }`, { id: page.params.caseId })).case;
    if (!found) throw Object.assign(new Error('none'), { code: 'not-found' });
    page.theCase = found;
  } catch (e) {
    page.problem = e;
  }
}
