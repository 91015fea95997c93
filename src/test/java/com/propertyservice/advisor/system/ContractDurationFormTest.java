package com.propertyservice.advisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations go out in the contract's form: whole days as days, the rest as Java writes them. */
class ContractDurationFormTest {

    @Test
    void wholeDaysAreWrittenAsDays() {
        assertThat(JacksonConfiguration.contractForm(Duration.ofDays(3))).isEqualTo("P3D");
        assertThat(JacksonConfiguration.contractForm(Duration.ofHours(24))).isEqualTo("P1D");
    }

    @Test
    void partsOfADayStayInHoursAndMinutes() {
        assertThat(JacksonConfiguration.contractForm(Duration.ofMinutes(30))).isEqualTo("PT30M");
        assertThat(JacksonConfiguration.contractForm(Duration.ofHours(36))).isEqualTo("PT36H");
        assertThat(JacksonConfiguration.contractForm(Duration.ZERO)).isEqualTo("PT0S");
    }
}
