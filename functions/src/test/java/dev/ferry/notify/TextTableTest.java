package dev.ferry.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTableTest {

    @Test
    void columnsArePaddedToTheirWidestCellExceptTheLast() {
        String table = new TextTable("Server", "Outcome", "Reason")
                .row("web-1", "CUT_OVER", null)
                .row("database-primary", "FAILED", "TCP port 5432: refused")
                .render();

        assertThat(table).isEqualTo("""
                Server            Outcome   Reason
                ----------------  --------  ----------------------
                web-1             CUT_OVER  -
                database-primary  FAILED    TCP port 5432: refused
                """);
    }

    @Test
    void aCellWithLineBreaksStaysOnOneLine() {
        String table = new TextTable("Server", "Reason").row("web-1", "first line\nsecond line").render();

        assertThat(table.lines()).hasSize(3).last().isEqualTo("web-1   first line second line");
    }

    @Test
    void aRowWithMoreCellsThanColumnsIsRefused() {
        TextTable table = new TextTable("Server");

        assertThatThrownBy(() -> table.row("web-1", "extra")).isInstanceOf(IllegalArgumentException.class);
    }
}
