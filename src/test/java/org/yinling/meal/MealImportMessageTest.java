package org.yinling.meal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.FlashMap;
import org.yinling.TestDates;
import org.yinling.system.FlashInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/** Issue 17 (info): a sheet of too many rows said "文件超过 {0} 行": the refusal's number now goes with its message. */
@SpringBootTest
@AutoConfigureMockMvc
class MealImportMessageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aSheetOfTooManyRowsIsRefusedWithTheLimitInTheMessage() throws Exception {
        String location = mvc.perform(post("/meal-points").with(as("district")).with(csrf()).param("name", "行数上限测试食堂")
                        .param("kind", "CANTEEN").param("communityCode", "330105001001").param("servesLunch", "true")
                        .param("licenceNumber", "SC-LIMIT-" + UUID.randomUUID().toString().substring(0, 8))
                        .param("licenceExpires", TestDates.today().plusYears(1).toString()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long point = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        StringBuilder csv = new StringBuilder("身份证号,餐次,方式\n");
        for (int i = 0; i <= MealImport.MAX_ROWS; i++) {
            csv.append("11010519360101776X,午餐,堂食\n");
        }
        FlashMap flash = mvc.perform(multipart("/meal-points/{id}/meals/import", point)
                        .file(new MockMultipartFile("file", "meals.csv", "text/csv",
                                csv.toString().getBytes(StandardCharsets.UTF_8)))
                        .param("day", TestDates.today().toString())
                        .with(as("community")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap();
        assertThat(flash.get("flashError")).isEqualTo("import.file.tooManyRows");
        Object[] flashed = new Object[flash.size() * 2];
        int i = 0;
        for (Map.Entry<String, Object> attribute : flash.entrySet()) {
            flashed[i++] = attribute.getKey();
            flashed[i++] = attribute.getValue();
        }
        String page = mvc.perform(get("/meal-points/{id}/meals", point).with(FlashInput.flash(flashed))
                        .with(as("community")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("文件超过 5,000 行").doesNotContain("{0}");
    }
}
