package org.orebook.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact parsing of amounts, quantities and dates from bytes. */
class FieldsTest {
  static long cents(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return Fields.cents(b, 0, b.length);
  }

  static long micros(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return Fields.micros(b, 0, b.length);
  }

  static int date(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return Fields.date(b, 0, b.length);
  }

  @ParameterizedTest
  @CsvSource({"0,0", "1,100", "-1,-100", "+2.5,250", "1234.56,123456", "-0.01,-1", "0.1,10", "007.10,710",
      "999999999999999.99,99999999999999999", "-999999999999999.99,-99999999999999999"})
  void test_cents_exact(String text, long expected) {
    assertThat(cents(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", ".5", "1.", "1.234", "1,234.00", "12x4", "1e5", " 1", "1 ", "--1", "$1",
      "1000000000000000.00", "(12.00)"})
  void test_cents_rejects(String text) {
    assertThat(cents(text)).isEqualTo(Fields.BAD);
  }

  @ParameterizedTest
  @CsvSource({"0,0", "600.5,600500000", "0.1333,133300", "1.000001,1000001", "999999999999.999999,999999999999999999"})
  void test_micros_exact(String text, long expected) {
    assertThat(micros(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-5", "1.0000001", "1e3", "1000000000000", "0..1"})
  void test_micros_rejects(String text) {
    assertThat(micros(text)).isEqualTo(Fields.BAD);
  }

  @ParameterizedTest
  @CsvSource({"2025-03-31,20250331", "2024-02-29,20240229", "2000-02-29,20000229", "2025-12-31,20251231"})
  void test_date_valid(String text, int expected) {
    assertThat(date(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-1-01", "25-01-01",
      "2025/01/01", "2025-01-01 ", "20250101"})
  void test_date_invalid(String text) {
    assertThat(date(text)).isEqualTo(-1);
  }
}
