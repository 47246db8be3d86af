-- Keys are revoked and shown by name, and two server instances that start on an empty table at once must
-- not both create an initial admin key: the name is unique.
CREATE UNIQUE INDEX api_keys_name_unique ON api_keys (name);
