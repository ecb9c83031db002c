-- Home-care settlements (issue 18): V28 declared a settlement line's deduction reason VARCHAR(16), too short for its
-- own allowed value 'CALLBACK_NOT_DELIVERED' (22 characters); widen it so a call-back deduction can be stored.
ALTER TABLE home_care_settlement_line ALTER COLUMN deduction_reason TYPE VARCHAR(24);
