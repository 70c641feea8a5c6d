package org.newspipeline.contract;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for every payload of the contract ({@code value.serializer} in the producers). */
public class ContractSerializer implements Serializer<Object> {
    @Override
    public byte[] serialize(String topic, Object payload) {
        try {
            return payload == null ? null : ContractJson.write(payload);
        } catch (RuntimeException e) {
            // Kafka's own type, so that a sender can tell this record's fault from a broker that is away.
            throw new SerializationException("cannot write a " + payload.getClass().getSimpleName() + " for " + topic, e);
        }
    }
}
