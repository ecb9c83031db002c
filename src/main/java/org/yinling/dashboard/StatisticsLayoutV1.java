package org.yinling.dashboard;

import java.util.ArrayList;
import java.util.List;

import static org.yinling.dashboard.StatisticsUnit.BEDS;
import static org.yinling.dashboard.StatisticsUnit.HOURS;
import static org.yinling.dashboard.StatisticsUnit.INSTITUTIONS;
import static org.yinling.dashboard.StatisticsUnit.MEALS;
import static org.yinling.dashboard.StatisticsUnit.PEOPLE;
import static org.yinling.dashboard.StatisticsUnit.PERCENT;
import static org.yinling.dashboard.StatisticsUnit.VISITS;
import static org.yinling.dashboard.StatisticsUnit.YUAN;

/**
 * Layout version 1 of the monthly statistics export (docs/statistics-layout.md lists the same fields). PUBLISHED:
 * never edit a field, its code, its order or its definition here; a receiving system that wants something else gets
 * a new layout class (version 2, …). {@code StatisticsLayoutTest} fails on any edit.
 * <p>
 * "As of" is the day counted: the month's last day, or today while the month runs. Month figures (payments, meals,
 * home care, visits) are of the whole calendar month.
 */
final class StatisticsLayoutV1 implements StatisticsLayout {

    /** institution.kind, in the order of the layout, with the names the layout gives them. */
    private static final String[][] INSTITUTION_KINDS = {
            {"PUBLIC_HOME", "公办养老院/社会福利院", "Public care homes and welfare homes"},
            {"RURAL_HOME", "农村敬老院", "Rural homes for the aged"},
            {"RURAL_HAPPINESS_HOME", "农村幸福院", "Rural mutual-aid homes"},
            {"DAY_CARE_CENTRE", "社区日间照料中心", "Community day-care centres"},
            {"PRIVATE_HOME", "民办养老机构", "Private care homes"},
            {"EMBEDDED_MICRO", "嵌入式微型养老机构", "Embedded micro care homes"},
            {"MEDICAL_CARE_COMBINED", "医养结合机构", "Combined medical and care institutions"}};

    /** subsidy_policy.kind, in the order of the layout. */
    private static final String[][] POLICY_KINDS = {
            {"AGE_ALLOWANCE", "高龄津贴", "Age allowance"},
            {"HOME_CARE_SERVICE", "居家养老服务补贴", "Home-care service subsidy"},
            {"HARDSHIP_SERVICE", "经济困难老人服务补贴", "Service subsidy for elders in hardship"},
            {"NURSING_CARE", "护理补贴", "Nursing-care subsidy"},
            {"MEAL_ASSISTANCE", "助餐补贴", "Meal subsidy"},
            {"PURCHASED_SERVICE", "政府购买养老服务", "Government-purchased care service"}};

    /** payment_payee_line.kind: payments to organisations, in the order of the layout. */
    private static final String[][] ORGANISATION_KINDS = {
            {"OPERATING", "机构运营补贴", "Institution operating subsidy"},
            {"CONSTRUCTION", "机构建设补贴", "Institution construction grants"},
            {"MEAL", "助餐点结算", "Meal point settlements"},
            {"HOME_CARE", "居家服务机构结算", "Home-care provider settlements"}};

    private static final List<StatisticsField> FIELDS = define();

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<StatisticsField> fields() {
        return FIELDS;
    }

    private static List<StatisticsField> define() {
        List<StatisticsField> f = new ArrayList<>();
        String operatingZh = "截至统计日（月末，当月为今日）正在运营（当前状态为运营、开办日期不晚于统计日）的";
        String operatingEn = " operating on the day counted (the month's last day; today for the current month): "
                + "status operating now, opened by that day";
        f.add(new StatisticsField("INST_TOTAL", "养老服务机构总数", "Care institutions in all", INSTITUTIONS,
                operatingZh + "各类养老服务机构数（含日间照料中心、幸福院）。", "Institutions of every kind" + operatingEn
                        + " (day-care centres and mutual-aid homes included).", m -> m.institutions()));
        for (String[] kind : INSTITUTION_KINDS) {
            f.add(new StatisticsField("INST_" + kind[0], kind[1] + "数", kind[2], INSTITUTIONS,
                    operatingZh + kind[1] + "数。", kind[2] + operatingEn + ".", m -> m.institutions(kind[0])));
        }
        String bedsZh = "的床位数（登记日期不晚于统计日）。";
        String bedsEn = ", registered by that day.";
        f.add(new StatisticsField("BED_TOTAL", "养老床位总数", "Care beds in all", BEDS,
                operatingZh + "各类机构" + bedsZh, "Beds of institutions of every kind" + operatingEn + bedsEn,
                m -> m.count(Indicator.BEDS)));
        for (String[] kind : INSTITUTION_KINDS) {
            f.add(new StatisticsField("BED_" + kind[0], kind[1] + "床位数", "Beds: " + kind[2], BEDS,
                    operatingZh + kind[1] + bedsZh, "Beds of " + kind[2].toLowerCase(java.util.Locale.ROOT)
                            + operatingEn + bedsEn, m -> m.beds(kind[0])));
        }
        f.add(new StatisticsField("BED_NURSING", "护理型床位数", "Nursing beds", BEDS,
                operatingZh + "养老机构（不含日间照料中心和农村幸福院）的护理型床位数，与看板“护理型床位数”同一口径。",
                "Nursing-type beds of care institutions (not of day-care centres nor mutual-aid homes)" + operatingEn
                        + bedsEn + " The dashboard's \"nursing beds\".", m -> m.count(Indicator.NURSING_BEDS)));
        f.add(new StatisticsField("RESIDENTS", "在院老人数", "Residents", PEOPLE,
                "统计日在上述机构入住（入住日期不晚于统计日、未在统计日前离院）的老人数，即占用床位数。",
                "Elders staying in those institutions on the day counted (admitted by that day, not discharged before "
                        + "it), i.e. occupied beds.", m -> m.figures().occupiedBeds));
        String eldersZh = "截至统计日登记在册（登记不晚于统计日，统计日未死亡、未迁出）、按统计日周岁计算的";
        String eldersEn = "Elders in the registry on the day counted (registered by then, neither dead nor moved out "
                + "by then), by age on that day: ";
        f.add(new StatisticsField("ELD_60_TOTAL", "60周岁以上老年人总数", "Elders 60 and over", PEOPLE,
                eldersZh + "60周岁以上老年人数，按居住社区统计。", eldersEn + "60 and over, by the community they live in.",
                m -> m.count(Indicator.ELDERS_60)));
        for (int k = 0; k < MonthStatistics.AGE_GROUPS.length; k++) {
            int from = MonthStatistics.AGE_GROUPS[k];
            String codeRange = from == 100 ? "100_PLUS" : from + "_" + (from + 9);
            String zhRange = from == 100 ? "100周岁及以上" : from + "–" + (from + 9) + "周岁";
            String enRange = from == 100 ? "100 and over" : from + " to " + (from + 9);
            f.add(new StatisticsField("ELD_" + codeRange + "_LOCAL", zhRange + "（本地户籍）", enRange + " (local hukou)",
                    PEOPLE, eldersZh + zhRange + "、户籍为本地的老年人数。", eldersEn + enRange + ", with local hukou.",
                    m -> m.elders(from, true)));
            f.add(new StatisticsField("ELD_" + codeRange + "_OTHER", zhRange + "（非本地户籍）", enRange + " (other hukou)",
                    PEOPLE, eldersZh + zhRange + "、户籍非本地的老年人数。", eldersEn + enRange + ", without local hukou.",
                    m -> m.elders(from, false)));
        }
        String paidZh = "当月发放批次（已生成、未作废）中未失败的发放明细";
        String paidEn = "the month's payment batch (generated, not discarded), lines not failed";
        for (String[] kind : POLICY_KINDS) {
            f.add(new StatisticsField("SUB_" + kind[0] + "_RECIPIENTS", kind[1] + "发放人数", kind[2] + ": recipients",
                    PEOPLE, paidZh + "中" + kind[1] + "类政策的领取老人数（同一老人只计一次），按老人所在社区统计。",
                    "Elders paid under policies of the kind \"" + kind[2] + "\" in " + paidEn
                            + " (each elder once), by the elder's community.", m -> m.recipients(kind[0])));
            f.add(new StatisticsField("SUB_" + kind[0] + "_AMOUNT", kind[1] + "发放金额", kind[2] + ": amount paid",
                    YUAN, paidZh + "中" + kind[1] + "类政策的金额合计（含补发）。",
                    "Amount of those lines of policies of the kind \"" + kind[2] + "\" in " + paidEn
                            + " (back pay included).", m -> m.paid(kind[0])));
        }
        f.add(new StatisticsField("SUB_TOTAL_RECIPIENTS", "补贴发放总人数", "Subsidies: recipients in all", PEOPLE,
                paidZh + "中领取任一政策补贴的老人数（同一老人只计一次）。",
                "Elders paid under any policy in " + paidEn + " (each elder once).",
                m -> m.recipients(StatisticsExportStore.ALL)));
        f.add(new StatisticsField("SUB_TOTAL_AMOUNT", "补贴发放总金额", "Subsidies: amount paid in all", YUAN,
                paidZh + "中发给老人的金额合计（含补发）。", "Amount of the elders' lines in " + paidEn
                        + " (back pay included).", m -> m.paid(StatisticsExportStore.ALL)));
        for (String[] kind : ORGANISATION_KINDS) {
            f.add(new StatisticsField("ORG_" + kind[0] + "_AMOUNT", kind[1] + "金额", kind[2], YUAN,
                    "当月发放批次中支付给组织的“" + kind[1] + "”金额（未失败），按组织所在社区统计。",
                    "Amount paid to organisations as \"" + kind[2] + "\" in " + paidEn
                            + ", by the organisation's community.", m -> m.paidToOrganisations(kind[0])));
        }
        String mealZh = "当月在本区域助餐点（按助餐点所在社区）就餐的记录中，开办后就餐的";
        String mealEn = "Meals served in the month at the region's meal points (by the point's community), on or "
                + "after the point opened: ";
        f.add(new StatisticsField("MEAL_SERVED", "助餐服务人次", "Meals served", MEALS, mealZh + "餐次数。",
                mealEn + "meals.", m -> m.meals().served()));
        f.add(new StatisticsField("MEAL_ELDERS", "助餐服务人数", "Elders served meals", PEOPLE,
                mealZh + "老人数（同一老人只计一次）。", mealEn + "elders (each once).", m -> m.meals().elders()));
        f.add(new StatisticsField("MEAL_SUBSIDY", "助餐补贴金额", "Meal subsidy", YUAN,
                mealZh + "按就餐时所属类别的每餐补贴计算的补贴金额（与助餐点月结算的每餐补贴同一口径，不含运营补贴）。",
                mealEn + "the subsidy per meal of the category each was served under, as the meal point's monthly "
                        + "settlement prices it (operating subsidy not included).",
                m -> MonthStatistics.money(m.meals().subsidy())));
        String homeZh = "当月（按工单所在社区）";
        f.add(new StatisticsField("HC_ELDERS", "居家上门服务老人数", "Elders served at home", PEOPLE,
                homeZh + "至少有一次经老人确认的上门服务的老人数，与看板“政府购买服务老人数”同一口径。",
                "Elders with at least one visit confirmed by the elder in the month (by the order's community): the "
                        + "dashboard's \"government-purchased-service elders\".",
                m -> m.count(Indicator.PURCHASED_SERVICE_ELDERS)));
        f.add(new StatisticsField("HC_VISITS", "居家上门服务次数", "Home-care visits delivered", VISITS,
                homeZh + "经老人确认（已确认或已回访）的上门服务工单数。",
                "Orders of the month confirmed by the elder (confirmed or called back), by the order's community.",
                m -> m.count(Indicator.HOME_CARE_VISITS)));
        f.add(new StatisticsField("HC_HOURS", "居家上门服务时长", "Home-care hours delivered", HOURS,
                homeZh + "上述工单从签到到签出的时长合计，保留一位小数。",
                "Time from check-in to check-out of those orders, in hours to one decimal.",
                m -> m.sheet().get(Indicator.HOME_CARE_HOURS).value()));
        f.add(new StatisticsField("HC_AMOUNT", "居家服务预算使用金额", "Home-care budget used", YUAN,
                homeZh + "未取消、未爽约的工单金额合计（服务预算已使用部分）。",
                "Amount of the month's orders neither cancelled nor missed (the service budgets used), by the "
                        + "order's community.", m -> m.homeCareAmount()));
        f.add(new StatisticsField("VIS_DUE", "当月应探访人数", "Elders due a visit", PEOPLE,
                "当月在探访名册上的特殊困难老人数（按名册所在社区）。",
                "Elders in special hardship on the month's visit roster, by the roster's community.",
                m -> m.count(Indicator.VISIT_ROSTER)));
        f.add(new StatisticsField("VIS_DONE", "当月已探访人数", "Elders visited", PEOPLE,
                "上述老人中当月至少有一次计入探访率的探访的人数。",
                "Of those, elders with at least one counted visit in the month.",
                m -> m.figures().visitedAll()));
        f.add(new StatisticsField("VIS_RATE", "月探访率", "Monthly visit rate", PERCENT,
                "已探访人数 ÷ 应探访人数 × 100，保留两位小数；无应探访人员时为空。",
                "Elders visited ÷ elders due × 100, two decimals; empty when nobody is due.",
                m -> m.percent(Indicator.VISIT_RATE)));
        return List.copyOf(f);
    }
}
