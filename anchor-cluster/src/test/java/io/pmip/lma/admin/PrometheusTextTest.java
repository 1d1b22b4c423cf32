package io.pmip.lma.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    @Test
    void labelValuesAreEscapedAndParseBack() {
        String text = new PrometheusText().family("pmip_x_total", "counter", "Help with a \\ backslash.",
                List.of(PrometheusText.Sample.of(Map.of("reason", "a \"quoted\"\nline\\"), 3))).text();
        assertEquals("""
                # HELP pmip_x_total Help with a \\\\ backslash.
                # TYPE pmip_x_total counter
                pmip_x_total{reason="a \\"quoted\\"\\nline\\\\"} 3
                """, text);
        PrometheusParser.Exposition e = PrometheusParser.parse(text);
        assertEquals(3.0, e.value("pmip_x_total", Map.of("reason", "a \"quoted\"\nline\\")).orElseThrow());
    }

    @Test
    void parserRejectsASampleWithoutType() {
        assertThrows(AssertionError.class, () -> PrometheusParser.parse("pmip_orphan 1\n"));
        assertThrows(AssertionError.class, () -> PrometheusParser.parse("# TYPE bad-name counter\n"));
    }

    @Test
    void numbersUseThePrometheusForms() {
        assertEquals("+Inf", PrometheusText.format(Double.POSITIVE_INFINITY));
        assertEquals("42", PrometheusText.format(42));
        assertEquals("0.0025", PrometheusText.format(0.0025));
    }
}
