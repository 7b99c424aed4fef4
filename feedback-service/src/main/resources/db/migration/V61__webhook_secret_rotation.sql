-- Webhook secret rotation (docs/webhooks.md): the rotated-out secret keeps signing (a second signature in
-- webhook-signature) until previous_secret_until, so a receiver can switch keys without losing a request.
alter table webhook_subscriptions add column previous_secret text;
alter table webhook_subscriptions add column previous_secret_until timestamptz;
