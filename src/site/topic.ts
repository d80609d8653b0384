/** The topic of a `{topic}-key` or `{topic}-value` subject (TopicNameStrategy); undefined for others. */
export function topicOf(subject: string): string | undefined {
  const m = /^(.+)-(key|value)$/.exec(subject);
  return m?.[1];
}
