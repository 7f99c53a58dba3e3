package io.psa.container.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelUnitsTest {

  @Test
  void skab_channels_carry_the_units_skab_describes() {
    assertThat(ChannelUnits.label("Volume Flow RateRMS")).isEqualTo("Volume Flow RateRMS (l/min)");
    assertThat(ChannelUnits.label("Accelerometer2RMS")).isEqualTo("Accelerometer2RMS (g)");
    assertThat(ChannelUnits.label("Temperature")).isEqualTo("Temperature (°C, engine body)");
    assertThat(ChannelUnits.label("Thermocouple")).isEqualTo("Thermocouple (°C, fluid)");
  }

  @Test
  void simulator_channels_carry_theirs() {
    assertThat(ChannelUnits.of("force")).hasValue("kN");
    assertThat(ChannelUnits.of("pressure")).hasValue("bar");
  }

  @Test
  void an_unknown_channel_says_its_unit_is_not_given() {
    assertThat(ChannelUnits.of("mystery")).isEmpty();
    assertThat(ChannelUnits.label("mystery")).isEqualTo("mystery (unit not given)");
  }
}
