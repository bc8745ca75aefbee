-- The login audit is read newest first, across all users (the admin panel's sign-ins page and its "today" count):
-- without this index every page of it would sort the whole table.
CREATE INDEX user_sessions_opened_idx ON user_sessions (opened_at DESC);
