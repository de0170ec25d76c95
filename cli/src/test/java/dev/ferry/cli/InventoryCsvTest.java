package dev.ferry.cli;

import dev.ferry.cli.InventoryCsv.MalformedCsvException;
import dev.ferry.cli.InventoryCsv.Row;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryCsvTest {

    private static InventoryCsv read(String text) throws MalformedCsvException {
        return InventoryCsv.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quotedFieldsKeepTheirCommasQuotesAndLineBreaks() throws Exception {
        InventoryCsv csv = read("name,tag:Note\nweb-1,\"a, \"\"b\"\"\nand c\"\nweb-2,plain\n");

        assertThat(csv.rows()).containsExactly(
                new Row(2, List.of("web-1", "a, \"b\"\nand c")),
                new Row(4, List.of("web-2", "plain")));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "mgn:wave:name,name\nw1,web-1\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);

        assertThat(InventoryCsv.read(content).header().cells()).containsExactly("mgn:wave:name", "name");
    }

    @Test
    void blankLinesAndRowsOfEmptyCellsAreLeftOutButCountedInLineNumbers() throws Exception {
        InventoryCsv csv = read("mgn:wave:name,name\r\n\r\nw1,web-1\r\n , \r\n,,\r\nw1,web-2\r\n");

        assertThat(csv.header()).isEqualTo(new Row(1, List.of("mgn:wave:name", "name")));
        assertThat(csv.rows()).containsExactly(
                new Row(3, List.of("w1", "web-1")),
                new Row(6, List.of("w1", "web-2")));
    }

    @Test
    void cellsAreTrimmedAndCarriageReturnsDropped() throws Exception {
        InventoryCsv csv = read("name , instanceType\r\n  web-1 ,t3.micro \r\n");

        assertThat(csv.header().cells()).containsExactly("name", "instanceType");
        assertThat(csv.rows().getFirst().cells()).containsExactly("web-1", "t3.micro");
    }

    @Test
    void aShortRowReadsEmptyCellsForTheMissingColumns() throws Exception {
        Row row = read("name,instanceType,subnetId\nweb-1\n").rows().getFirst();

        assertThat(row.cell(0)).isEqualTo("web-1");
        assertThat(row.cell(2)).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsRefusedWithTheLineReadingStoppedAt() {
        assertThatThrownBy(() -> read("name,tag:Note\nweb-1,\"never closed\nweb-2,x\n"))
                .isInstanceOfSatisfying(MalformedCsvException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.getMessage()).containsIgnoringCase("quote");
                });
    }

    @Test
    void anEmptyFileHasNoHeaderAndNoRows() throws Exception {
        InventoryCsv csv = read("\n\n");

        assertThat(csv.header().cells()).isEmpty();
        assertThat(csv.rows()).isEmpty();
    }
}
