package org.yinling.homecare;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** The catalogue and its prices: items, dated regional prices, and an order that keeps its price. */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogueTest {

    private static final String DISTRICT = "330105000000";
    private static final String SHANGTANG = "330105001000";
    private static final String LANTIAN = "330105001001";
    private static final String XIANGFU_COMMUNITY = "330105002001";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Prices prices;

    private long item(String code) {
        return jdbc.sql("""
                        INSERT INTO home_care_item (code, name, category, unit, standard_minutes, updated_by)
                        VALUES (?, '价格测试', 'BATH', 'VISIT', 60, 'test') RETURNING id
                        """).param(code).query(Long.class).single();
    }

    private void price(long item, String region, LocalDate from, String amount) {
        jdbc.sql("INSERT INTO home_care_price (item_id, region_code, effective_from, unit_price, created_by) VALUES (?, ?, ?, ?, 'test')")
                .params(item, region, from, new BigDecimal(amount)).update();
    }

    @Test
    void aStreetPriceBeatsTheDistrictsAndALaterPriceWinsOnlyFromItsDate() {
        long item = item("PT-" + System.nanoTime() % 1_000_000);
        LocalDate today = TestDates.today();
        price(item, DISTRICT, LocalDate.of(2020, 1, 1), "80.00");
        price(item, SHANGTANG, LocalDate.of(2020, 1, 1), "70.00");
        price(item, DISTRICT, today.plusDays(10), "90.00");

        assertThat(prices.priceOn(item, LANTIAN, today)).isEqualByComparingTo("70.00");
        assertThat(prices.priceOn(item, XIANGFU_COMMUNITY, today)).isEqualByComparingTo("80.00");
        assertThat(prices.priceOn(item, XIANGFU_COMMUNITY, today.plusDays(9))).isEqualByComparingTo("80.00");
        assertThat(prices.priceOn(item, XIANGFU_COMMUNITY, today.plusDays(10))).isEqualByComparingTo("90.00");
        // the street's own price still beats the district's later one
        assertThat(prices.priceOn(item, LANTIAN, today.plusDays(10))).isEqualByComparingTo("70.00");
        assertThat(prices.priceOn(item, LANTIAN, LocalDate.of(2019, 12, 31))).isNull();
    }

    @Test
    void anOrderKeepsThePriceItWasMadeWith() {
        long item = item("PO-" + System.nanoTime() % 1_000_000);
        LocalDate today = TestDates.today();
        price(item, DISTRICT, LocalDate.of(2020, 1, 1), "40.00");
        long elder = jdbc.sql("SELECT id FROM elder WHERE community_code = ? ORDER BY id LIMIT 1").param(LANTIAN)
                .query(Long.class).single();
        BigDecimal price = prices.priceOn(item, LANTIAN, today);
        long order = jdbc.sql("""
                        INSERT INTO home_care_order (elder_id, community_code, month, item_id, scheduled_at, state,
                                                     unit_price, quantity, amount, government_share, ad_hoc, created_by)
                        VALUES (?, ?, date_trunc('month', CAST(? AS date)), ?, now(), 'PENDING_DISPATCH', ?, 1, ?, 1.00,
                                TRUE, 'test')
                        RETURNING id
                        """).params(elder, LANTIAN, today, item, price, price).query(Long.class).single();
        // a new price from today for the community: the order made before keeps 40
        price(item, LANTIAN, today, "55.00");
        assertThat(prices.priceOn(item, LANTIAN, today)).isEqualByComparingTo("55.00");
        assertThat(jdbc.sql("SELECT unit_price FROM home_care_order WHERE id = ?").param(order).query(BigDecimal.class)
                .single()).isEqualByComparingTo("40.00");
        // and the database refuses a repricing whatever the application does
        assertThatThrownBy(() -> jdbc.sql("UPDATE home_care_order SET unit_price = 55, amount = 55 WHERE id = ?")
                .param(order).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("a price is never changed");
    }

    @Test
    void districtStaffKeepTheCatalogueAndPricesAreNeverSetForThePast() throws Exception {
        String code = "CT-" + System.nanoTime() % 1_000_000;
        mvc.perform(post("/home-care/catalogue").with(csrf()).with(as("district"))
                        .param("code", code).param("name", "助浴（测试）").param("category", "BATH").param("unit", "VISIT")
                        .param("standardMinutes", "60").param("requiredPercent", "75").param("active", "true"))
                .andExpect(status().is3xxRedirection());
        long item = jdbc.sql("SELECT id FROM home_care_item WHERE code = ?").param(code).query(Long.class).single();
        assertThat(jdbc.sql("SELECT required_share FROM home_care_item WHERE id = ?").param(item)
                .query(BigDecimal.class).single()).isEqualByComparingTo("0.75");
        // the same code again
        mvc.perform(post("/home-care/catalogue").with(csrf()).with(as("district"))
                        .param("code", code).param("name", "重复").param("category", "BATH").param("unit", "VISIT")
                        .param("standardMinutes", "60").param("requiredPercent", "80"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该编码已被另一个服务项目使用")));
        // a price for yesterday: refused
        LocalDate today = TestDates.today();
        mvc.perform(post("/home-care/catalogue/{id}/prices", item).with(csrf()).with(as("district"))
                        .param("regionCode", DISTRICT).param("effectiveFrom", today.minusDays(1).toString())
                        .param("unitPrice", "80"))
                .andExpect(flash().attribute("flashError", "homecare.price.PAST"));
        mvc.perform(post("/home-care/catalogue/{id}/prices", item).with(csrf()).with(as("district"))
                        .param("regionCode", DISTRICT).param("effectiveFrom", today.toString()).param("unitPrice", "80"))
                .andExpect(flash().attribute("flashSuccess", "homecare.price.added"));
        mvc.perform(post("/home-care/catalogue/{id}/prices", item).with(csrf()).with(as("district"))
                        .param("regionCode", DISTRICT).param("effectiveFrom", today.toString()).param("unitPrice", "85"))
                .andExpect(flash().attribute("flashError", "homecare.price.DUPLICATE"));
        mvc.perform(post("/home-care/catalogue/{id}/prices", item).with(csrf()).with(as("district"))
                        .param("regionCode", "110105000000").param("effectiveFrom", today.plusDays(1).toString())
                        .param("unitPrice", "85"))
                .andExpect(flash().attribute("flashError", "homecare.price.REGION"));
        mvc.perform(post("/home-care/catalogue/{id}/prices", item).with(csrf()).with(as("district"))
                        .param("regionCode", DISTRICT).param("effectiveFrom", today.plusDays(30).toString())
                        .param("unitPrice", "90"))
                .andExpect(flash().attribute("flashSuccess", "homecare.price.added"));
        assertThat(jdbc.sql("SELECT count(*) FROM home_care_price WHERE item_id = ?").param(item).query(Integer.class)
                .single()).isEqualTo(2);
        // the page shows today's price and the one ahead, to a provider's manager as well
        mvc.perform(get("/home-care/catalogue").with(as("provider")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("80.00 元/次")))
                .andExpect(content().string(containsString(today.plusDays(30).toString())));
        // the message in the other language
        mvc.perform(post("/home-care/catalogue/{id}/prices", item).with(csrf()).with(as("provider"))
                        .param("regionCode", DISTRICT).param("effectiveFrom", today.plusDays(40).toString())
                        .param("unitPrice", "90"))
                .andExpect(status().isForbidden());
    }
}
