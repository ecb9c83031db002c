-- Home-care indicators (issue 18 item 10): the dashboard and the monthly report read one month's orders of a
-- region (month = M AND community_code LIKE 'prefix%'). home_care_order_community_idx (community_code, month, state)
-- answers that only by reading every month of the region's communities, which grows with the history (a year at
-- city scale is 4.8 million orders); with the month first, as home_care_budget_month_idx has it, the read is the
-- month's entries of the region and nothing else.
CREATE INDEX home_care_order_month_idx ON home_care_order (month, community_code);
