import { MessagePattern } from '@nestjs/microservices';
import type { Topic } from '@lib/contracts';

/** Marks a handler of one partition's batch of records from a logical topic. */
export const BatchPattern = (topic: Topic): MethodDecorator => MessagePattern(topic);
