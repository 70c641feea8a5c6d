#!/bin/sh
exec java -Xmx128m -cp '/opt/kafka/libs/*' org.newspipeline.localstack.TopicsCommand "$@"
