// A static segment's list from a file, read in the page the way contacts-service reads an uploaded one: CSV (the
// first column of each line is a contact id; a first line that is not one, such as "contact_id", is a header) or
// NDJSON (a line is an id: bare, as a JSON string, or {"contactId": "…"}). Repeats are kept: the API counts them.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What setSegmentMembers takes in one call; larger lists go to contacts-service's PUT /segments/{id}/members. */
export const MAX_MEMBERS = 10000;

function fromCsv(line) {
  let first = line.split(',')[0].trim();
  if (first.length > 1 && first.startsWith('"') && first.endsWith('"')) first = first.slice(1, -1).trim();
  return UUID.test(first) ? first : null;
}

function fromJson(line) {
  if (line[0] !== '{' && line[0] !== '"') return UUID.test(line) ? line : null;
  try {
    const value = JSON.parse(line);
    const id = value && typeof value === 'object' ? value.contactId : value;
    return typeof id === 'string' && UUID.test(id) ? id : null;
  } catch (e) {
    return null;
  }
}

/**
 * The contact ids a file lists: { ids } or { badLine } (the first line that is not an id, counted from 1), or
 * { tooMany } past MAX_MEMBERS. NDJSON by the file's name (.ndjson, .jsonl) or type.
 */
export async function readMemberFile(file) {
  const ndjson = /\.(nd)?jsonl?$/i.test(file.name) || /ndjson|jsonl/.test(file.type);
  const lines = (await file.text()).replace(/^\uFEFF/, '').split(/\r?\n/);
  const ids = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const id = ndjson ? fromJson(line) : fromCsv(line);
    if (!id) {
      if (!ndjson && i === 0) continue;
      return { badLine: i + 1 };
    }
    ids.push(id.toLowerCase());
    if (ids.length > MAX_MEMBERS) return { tooMany: true };
  }
  return { ids };
}
