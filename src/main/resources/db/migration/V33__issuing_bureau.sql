-- Issue 20 §3: notices (公示名单, 轮候公示) are issued by the civil-affairs bureau, with the address and telephone
-- for objections, as data per region: a region without a row takes its nearest ancestor's.
CREATE TABLE issuing_bureau (
    region_code  VARCHAR(12)  COLLATE "C" PRIMARY KEY REFERENCES region (code),
    name         VARCHAR(100) NOT NULL CHECK (btrim(name) <> ''),
    address      VARCHAR(200) NOT NULL DEFAULT '',
    phone        VARCHAR(40)  NOT NULL DEFAULT '',
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by   VARCHAR(50)  NOT NULL
);

-- Issue 20 §2: a target's basis cites the document by its title (and the number it implements), not "种子文件 00x".
UPDATE indicator_target
SET source = replace(replace(source,
        '种子文件 002', '《拱墅区推进养老服务业综合改革实施方案》（依据市委办发〔2016〕56号）'),
        '种子文件 001', '《社区居家养老助餐服务行动计划实施方案》')
WHERE created_by = 'system' AND source LIKE '种子文件%';

UPDATE subsidy_policy
SET notes = replace(replace(notes,
        '种子文件 002', '《拱墅区推进养老服务业综合改革实施方案》'),
        '种子文件 004', '《2023年养老事业改革总结与计划》')
WHERE demo AND notes LIKE '%种子文件%';
