// Styles the pages share: type, forms, buttons, notices, cards. Logical properties so right-to-left mirrors.
import { css } from 'lit';

export const pageStyles = css`
  :host { display: block; }
  h1 { font-size: 1.5rem; margin: 0 0 0.75rem; line-height: 1.25; }
  h2 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
  h3 { font-size: 1.05rem; margin: 1rem 0 0.4rem; }
  p { margin: 0.4rem 0; }
  a { color: var(--rapport-accent); }
  .muted { color: var(--rapport-muted); }
  .card {
    background: var(--rapport-surface); border: 1px solid var(--rapport-line); border-radius: var(--rapport-radius);
    padding: 1rem; margin: 0 0 1rem;
  }
  button, .button {
    font: inherit; cursor: pointer; border-radius: var(--rapport-radius); padding: 0.5rem 0.9rem; min-height: 44px;
    border: 1px solid var(--rapport-accent); background: var(--rapport-accent); color: var(--rapport-accent-ink);
    text-decoration: none; display: inline-flex; align-items: center; gap: 0.4rem;
  }
  button.secondary, .button.secondary { background: var(--rapport-surface); color: var(--rapport-accent); }
  button.danger { background: var(--rapport-bad); border-color: var(--rapport-bad); color: #fff; }
  button:disabled { opacity: 0.6; cursor: not-allowed; }
  input, select, textarea {
    font: inherit; padding: 0.45rem 0.5rem; border: 1px solid #8a95a3; border-radius: var(--rapport-radius);
    background: #fff; color: var(--rapport-ink); max-width: 100%; box-sizing: border-box; min-height: 44px;
  }
  textarea { width: 100%; min-height: 5rem; }
  input[type='checkbox'], input[type='radio'] { min-height: 0; width: 1.2rem; height: 1.2rem; padding: 0; margin: 0; flex: none; }
  label:has(> input[type='checkbox']), label:has(> input[type='radio']) {
    display: inline-flex; align-items: center; gap: 0.45rem; min-height: 44px; margin-inline-end: 1rem;
  }
  label { display: inline-block; margin-block: 0.2rem; }
  fieldset { border: 1px solid var(--rapport-line); border-radius: var(--rapport-radius); margin: 0 0 1rem; padding: 0.75rem; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-block: 0.75rem; }
  .notice { padding: 0.6rem 0.8rem; border-radius: var(--rapport-radius); margin: 0.5rem 0; border-inline-start: 4px solid; }
  .notice.ok { background: #e7f4ec; border-color: var(--rapport-good); }
  .notice.error { background: #fbe9e9; border-color: var(--rapport-bad); }
  .notice.info { background: #e8f0fa; border-color: var(--rapport-accent); }
  .notice.warn { background: #fdf3e1; border-color: var(--rapport-warn); }
  .tag { display: inline-block; padding: 0 0.45rem; border-radius: 999px; font-size: 0.85rem; border: 1px solid; }
  .tag.ok { color: var(--rapport-good); }
  .tag.no { color: var(--rapport-bad); }
  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
  }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: start; padding: 0.35rem 0.4rem; border-bottom: 1px solid var(--rapport-line); vertical-align: top; }
  .scroll { overflow-x: auto; }
  bdi { unicode-bidi: isolate; }
  ul.plain, ol.plain { list-style: none; padding: 0; margin: 0; }
  .body { white-space: pre-wrap; overflow-wrap: anywhere; }
  label.choice { display: inline-flex; align-items: center; gap: 0.35rem; min-height: 44px; margin-inline-end: 1rem; }
  .row { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; }
  .field { display: flex; flex-direction: column; gap: 0.2rem; }
  .field-error { color: var(--rapport-bad); font-size: 0.9rem; display: block; max-width: 18rem; }
  .field-error:empty { display: none; }
`;
