package org.newspipeline.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.newspipeline.contract.ContractJson;

/** Request bodies follow the contract's rules: a text field is a string of storable text. */
@Singleton
public class StrictJsonBodies implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(ContractJson.strictValues());
    }
}
