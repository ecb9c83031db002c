-- Issue 20 §5: a recorded death or move-out can be corrected (undone) by district staff within the month it was
-- recorded. When it was recorded (by hand or by a status import); older records have none and cannot be undone.
ALTER TABLE elder ADD COLUMN life_status_recorded_at TIMESTAMPTZ;

-- The end month an entitlement had before a death or move-out stopped it, so that undoing restores it exactly
-- (NULL: it had none, or it was stopped before this column existed).
ALTER TABLE subsidy_entitlement ADD COLUMN end_month_before_stop DATE;
