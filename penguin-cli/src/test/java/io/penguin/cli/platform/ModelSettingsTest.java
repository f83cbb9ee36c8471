package io.penguin.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelSettingsTest {

    @Test
    void aModelIdAConfigurationKeyCannotHoldGetsANameWithDashes() {
        assertThat(ModelSettings.endpointName("gpt-4o-mini")).isEqualTo("gpt-4o-mini");
        assertThat(ModelSettings.endpointName("llama3.1:8b")).isEqualTo("llama3-1-8b");
        assertThat(ModelSettings.endpointName("Qwen/Qwen2.5-7B-Instruct")).isEqualTo("Qwen-Qwen2-5-7B-Instruct");
        assertThatThrownBy(() -> ModelSettings.endpointName("::")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEndpointNamesItsKeyVariableNeverAKeyAndRolesAreBoundByName() {
        var properties = new ModelSettings()
                .endpoint("gpt-4o-mini", "https://api.openai.com/v1", "gpt-4o-mini", "OPENAI_API_KEY")
                .bind("judge", "gpt-4o-mini")
                .properties();

        assertThat(properties)
                .containsEntry("penguin.models.endpoints.gpt-4o-mini.base-url", "https://api.openai.com/v1")
                .containsEntry("penguin.models.endpoints.gpt-4o-mini.model", "gpt-4o-mini")
                .containsEntry("penguin.models.endpoints.gpt-4o-mini.api-key-env", "OPENAI_API_KEY")
                .containsEntry("penguin.models.roles.judge", "gpt-4o-mini")
                .hasSize(4);
    }
}
