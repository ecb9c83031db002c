-- A password an administrator set (a new account, a reset) is known to two people: its holder must choose their own
-- at the next login. Existing accounts keep their passwords as they are.
ALTER TABLE app_user ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;
