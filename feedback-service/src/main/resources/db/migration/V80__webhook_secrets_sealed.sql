-- Webhook signing secrets are stored sealed (AES-256-GCM, docs/webhooks.md "Secrets at rest"): aesgcm:<key id>:<base64>.
-- Rows written in plain text (whsec_…) before this version are sealed by the service when it starts; from now on the
-- database refuses a plain one. NOT VALID: the rows from before are checked by their next update, which is that sealing.
alter table webhook_subscriptions add constraint webhook_secrets_sealed
    check (secret not like 'whsec\_%' and (previous_secret is null or previous_secret not like 'whsec\_%')) not valid;
comment on column webhook_subscriptions.secret is 'sealed signing secret: aesgcm:<key id>:<base64 of nonce and ciphertext>';
comment on column webhook_subscriptions.previous_secret is 'sealed, like secret';
