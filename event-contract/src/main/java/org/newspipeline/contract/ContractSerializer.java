package org.newspipeline.contract;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for every payload of the contract ({@code value.serializer} in the producers). */
public class ContractSerializer implements Serializer<Object> {
    @Override
    public byte[] serialize(String topic, Object payload) {
        return payload == null ? null : ContractJson.write(payload);
    }
}
