/** Training-file layouts: OpenAI chat fine-tuning, Alpaca, ShareGPT. */
export type FineTuningStyle = 'openai' | 'alpaca' | 'sharegpt';

export const FINE_TUNING_STYLES: readonly FineTuningStyle[] = ['openai', 'alpaca', 'sharegpt'];

/** One training example, independent of layout. */
export interface Example {
  /** "" for none. */
  system: string;
  user: string;
  assistant: string;
}

/** The JSON object of one line in each layout. */
export const styleLine: Record<FineTuningStyle, (example: Example) => object> = {
  // OpenAI rejects empty message content, so an empty system prompt means no system message.
  openai: ({ system, user, assistant }) => ({
    messages: [...(system ? [{ role: 'system', content: system }] : []), { role: 'user', content: user }, { role: 'assistant', content: assistant }],
  }),
  alpaca: ({ system, user, assistant }) => ({ instruction: user, input: '', output: assistant, system }),
  sharegpt: ({ system, user, assistant }) => ({
    conversations: [
      { from: 'human', value: user },
      { from: 'gpt', value: assistant },
    ],
    system,
  }),
};
