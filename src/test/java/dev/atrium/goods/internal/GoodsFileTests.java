package dev.atrium.goods.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoodsFileTests {

    static final String RECORD = """
              {
                "good_name": "Tuna",
                "good_code": "LYC•935",
                "supplier_name": "Moses and Sons",
                "supplier_address": "908 Donaldson Trace\\nRaytown, NY 60183",
                "supplier_phone": "321.258.7641x13509",
                "supplier_contact": "Megan Smith",
                "is_bulk": true,
                "price": 689,
                "dt_of_license": "1978-12-07"
              }""";

    @Test
    void reads_the_projects_goods_file() {
        List<Good> goods = GoodsFile.read(Path.of("data/goods.json"));
        assertThat(goods).hasSize(999);
        assertThat(goods.getFirst().goodName()).isEqualTo("Tasty Concrete Shirt");
        assertThat(goods).anySatisfy(good -> assertThat(good.goodCode()).contains("•"));
        assertThat(goods).allSatisfy(good -> assertThat(good.supplierAddress()).contains("\n"));
    }

    @Test
    void without_a_goods_file_in_the_working_directory_the_copy_inside_the_jar_is_read(@TempDir Path elsewhere) {
        GoodsFile.Goods goods = GoodsFile.loadDefault(elsewhere);
        assertThat(goods.records()).hasSize(999).isEqualTo(GoodsFile.read(Path.of("data/goods.json")));
        assertThat(goods.origin()).isEqualTo("the copy of data/goods.json inside the jar");
    }

    @Test
    void a_goods_file_in_the_working_directory_wins_over_the_copy_inside_the_jar(@TempDir Path folder)
            throws Exception {
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data/goods.json"), "[" + RECORD + "]");
        GoodsFile.Goods goods = GoodsFile.loadDefault(folder);
        assertThat(goods.records()).singleElement().extracting(Good::goodName).isEqualTo("Tuna");
        assertThat(goods.origin()).isEqualTo("data/goods.json");
    }

    @Test
    void a_configured_goods_file_that_is_missing_is_refused_rather_than_replaced_by_the_copy_inside_the_jar() {
        assertThatThrownBy(() -> GoodsFile.load(Path.of("no/such/goods.json")))
                .hasMessageContaining("no/such/goods.json")
                .hasMessageContaining("does not exist");
    }

    @Test
    void keeps_every_value_as_written() {
        Good good = parse("[" + RECORD + "]").getFirst();
        assertThat(good)
                .isEqualTo(new Good(
                        "Tuna",
                        "LYC•935",
                        "Moses and Sons",
                        "908 Donaldson Trace\nRaytown, NY 60183",
                        "321.258.7641x13509",
                        "Megan Smith",
                        true,
                        689,
                        LocalDate.of(1978, 12, 7)));
    }

    @Test
    void a_missing_key_names_the_record() {
        String broken = "[" + RECORD + ",\n" + RECORD.replace("\"price\": 689,", "") + "]";
        assertThatThrownBy(() -> parse(broken)).hasMessageContaining("record 2").hasMessageContaining("'price'");
    }

    @Test
    void a_value_of_the_wrong_type_names_the_line_and_column() {
        String broken = "[" + RECORD.replace("\"price\": 689", "\"price\": \"689\"") + "]";
        assertThatThrownBy(() -> parse(broken))
                .hasMessageContaining("record 1 (line 9, column")
                .hasMessageContaining("'price' must be a whole number");
    }

    @Test
    void a_bad_date_an_extra_key_and_bad_json_are_refused() {
        assertThatThrownBy(() -> parse("[" + RECORD.replace("1978-12-07", "1978-13-07") + "]"))
                .hasMessageContaining("'dt_of_license' must be a date");
        assertThatThrownBy(() -> parse("[" + RECORD.replace("\"price\"", "\"colour\": \"red\", \"price\"") + "]"))
                .hasMessageContaining("unexpected key 'colour'");
        assertThatThrownBy(() -> parse("[" + RECORD)).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parse("{}")).hasMessageContaining("JSON array");
    }

    @Test
    void a_missing_file_is_named() {
        assertThatThrownBy(() -> GoodsFile.read(Path.of("no/such/goods.json")))
                .hasMessageContaining("no/such/goods.json does not exist");
    }

    private static List<Good> parse(String json) {
        return GoodsFile.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }
}
