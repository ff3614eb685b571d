// Renders the files a single-node KRaft broker needs: server.properties and a logging config
// that sends everything to files in the broker's temp directory (nothing on our stdout).

import { randomBytes } from 'node:crypto';
import { majorOf } from './cache.mjs';

/**
 * A Kafka cluster id is a base64url-encoded (unpadded) random 16-byte UUID. Generating it here
 * saves a JVM start (`StorageTool random-uuid`). Kafka never hands out ids that start with '-'
 * (they would parse as command-line flags), so neither do we.
 */
export function randomClusterId() {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * Settings for a throwaway single-node cluster: every replication factor is 1, internal topics
 * get one partition (50 would make the first consumer group / transaction noticeably slower),
 * and topics must be created explicitly, as in production.
 */
export function renderServerProperties({ version, host, port, controllerPort, dataDir }) {
  const props = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@${host}:${controllerPort}`,
    listeners: `PLAINTEXT://${host}:${port},CONTROLLER://${host}:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${host}:${port}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': dataDir,
    'num.partitions': 1,
    'default.replication.factor': 1,
    'min.insync.replicas': 1,
    'auto.create.topics.enable': false,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 1,
    'group.initial.rebalance.delay.ms': 0,
    // Small segments and buffers: this broker holds test data only, on a 2-core machine.
    'log.segment.bytes': 16 * 1024 * 1024,
    'offsets.topic.segment.bytes': 16 * 1024 * 1024,
    'transaction.state.log.segment.bytes': 16 * 1024 * 1024,
    'log.cleaner.dedupe.buffer.size': 8 * 1024 * 1024,
    'num.network.threads': 2,
    'num.io.threads': 4,
    'background.threads': 4,
  };
  if (majorOf(version) >= 4) {
    // 4.x adds share groups, whose state topic would otherwise ask for 3 replicas.
    props['share.coordinator.state.topic.replication.factor'] = 1;
    props['share.coordinator.state.topic.min.isr'] = 1;
  }
  return `${Object.entries(props)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')}\n`;
}

/**
 * Kafka 3.x reads a log4j 1 properties file (-Dlog4j.configuration), 4.x a log4j 2 one
 * (-Dlog4j2.configurationFile). Both write to ${kafka.logs.dir}/server.log.
 */
export function renderLogConfig(version) {
  if (majorOf(version) >= 4) {
    return {
      fileName: 'log4j2.properties',
      systemProperty: 'log4j2.configurationFile',
      asValue: (file) => file,
      text: `status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = \${sys:kafka.logs.dir}/server.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.file.ref = file
logger.statechange.name = state.change.logger
logger.statechange.level = warn
`,
    };
  }
  return {
    fileName: 'log4j.properties',
    systemProperty: 'log4j.configuration',
    asValue: (file) => `file:${file}`,
    text: `log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=\${kafka.logs.dir}/server.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.state.change.logger=WARN
`,
  };
}
