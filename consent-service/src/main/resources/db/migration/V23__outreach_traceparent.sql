-- The W3C traceparent of the request that queued a message (null when tracing is off), handed to the delivery
-- integration with the lease, so the message's delivery continues the trace that asked for it.
alter table outreach add column traceparent text;
