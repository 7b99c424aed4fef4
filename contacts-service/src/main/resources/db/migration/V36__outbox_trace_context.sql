-- The W3C traceparent of the request that wrote the change (null when tracing is off): the relay continues that trace.
alter table outbox add column traceparent text;
