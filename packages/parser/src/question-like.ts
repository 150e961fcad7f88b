// How lenient reading recognises a question in other people's notes, and the lines that only look like one
// (labels, section names, README headings, pointers to answers elsewhere). Each rule is one small test, so the
// fixtures can pin what counts and what does not.

const ENDS_AS_QUESTION = /[？?][\s)）\]】"”'’]*$/;
// Simplified and traditional forms: notes from Taiwan and Hong Kong ask "為什麼", "怎麼", "嗎".
const INTERROGATIVE =
  /什么|什麼|哪些|哪个|哪個|哪种|哪種|哪里|哪裡|哪儿|如何|怎么|怎麼|怎样|怎樣|为什么|為什麼|为啥|为何|為何|是否|有没有|有沒有|能否|能不能|多少|几种|幾種|区别|區別|异同|異同|优缺点|優缺點|[吗嗎][。.]?$|呢[。.]?$/;
const PROMPT_START =
  /^(?:请|請|简单|簡單|简要|簡要|详细|詳細|具体|具體|分别|分別)?(?:介绍|介紹|讲讲|講講|讲一下|講一下|讲解|講解|解释|解釋|说说|說說|说一下|說一下|谈谈|談談|聊聊|描述|简述|簡述|阐述|闡述|手推|手撕|手写|手寫|推导|推導|写出|寫出|写一下|寫一下|实现|實現|比较|比較|对比|對比|分析|列举|列舉|总结一下|總結一下|设计(?:一个|一套|\s)|設計(?:一個|一套|\s))/;
const ENGLISH_PROMPT =
  /^(?:what|why|how|when|where|which|who|explain|describe|implement|derive|compare|contrast|write|define|list|name|is|are|can|could|would|will|does|do|did|should|has|have|elaborate|discuss|outline|tell|walk|summari[sz]e|design|estimate|calculate|prove|suggest|propose|identify|differentiate|distinguish|illustrate|justify|give)\b/i;

/** Text phrased as a question or as a prompt to answer one, and not a label ending in a colon. */
export function isQuestionLike(text: string): boolean {
  const t = text.trim();
  if (isLabel(t)) return false;
  if (ENDS_AS_QUESTION.test(t)) return true;
  // "对比篇", "注意力部分" name a part, whatever verb they start with.
  if (SECTION_WORD.test(t)) return false;
  // "NSP：判断两句话是否相邻" defines a term: after a short label, only what follows the colon can ask.
  const labelled = /^([^：:\s][^：:]{0,14})[：:]\s*(\S.*)$/.exec(t);
  // ("Output Filters: Implement guardrails" recommends, it does not ask.)
  if (labelled && !/^(?:https?|ftp)$/i.test(labelled[1]!)) {
    const rest = labelled[2]!;
    return (INTERROGATIVE.test(rest) && !/[。.!！]$/.test(rest)) || (asks(labelled[1]!) && !/[，。,.]/.test(rest));
  }
  return asks(t);
}

// "实现机制", "对比分析": a prompt verb used as a noun, naming a part of an answer.
const VERB_AS_NOUN = /^(?:实现|比较|对比|分析|描述|总结|推导|介绍)(?:机制|原理|细节|方式|方法|过程|思路|结果|要点|步骤|代码|逻辑|分析|总结)$/;

function asks(t: string): boolean {
  if (VERB_AS_NOUN.test(t)) return false;
  // A sentence that ends in a full stop states something, whatever words it uses ("判断两句话是否相邻。"), unless it
  // is a prompt ("实现 Softmax。", "Explain dropout.").
  if (/[。.!！]$/.test(t)) return PROMPT_START.test(t) || ENGLISH_PROMPT.test(t);
  return INTERROGATIVE.test(t) || PROMPT_START.test(t) || ENGLISH_PROMPT.test(t);
}

/** Text that ends in a question mark: a question even where topic lines are not (a question list). */
export function endsAsQuestion(text: string): boolean {
  return ENDS_AS_QUESTION.test(text.trim());
}

/** `前向传播：`, `**优点：**`, `Courses and review material:`: a label that introduces what follows. */
export function isLabel(text: string): boolean {
  return /[：:]$/.test(text.replace(/\*\*|__/g, '').trim());
}

/** A bold line short and plain enough to be a topic question ("图卷积的基本原理"), not a bold sentence. */
export function isTopicLine(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && [...t].length <= 40 && !/[，。！；,;!:：]/.test(t);
}

// Names of parts of a note rather than questions: "一、动机篇", "注意力部分", "Basics".
const SECTION_WORD = /(?:篇|部分|专题|合集|汇总|大全)$/;
const SECTION_NAME = /^(?:附录|前言|后记|写在前面|说明|basics|fundamentals|overview|introduction|intro|summary|misc(?:ellaneous)?|others?|general|advanced|appendix)$/i;
// "## Question 7" above the bold question it numbers.
const NUMBERED_LABEL = /^(?:question|problem|q|问题|题目|第)\s*\d+\s*(?:题)?[.:：]?$/i;

/** A section name (`…篇`, `注意力部分`, `Basics`, `Question 7`): it groups questions and is never one. */
export function isSectionLabel(text: string): boolean {
  const t = withoutSymbols(text);
  return SECTION_WORD.test(t) || SECTION_NAME.test(t) || NUMBERED_LABEL.test(t);
}

// Headings about the document itself, as READMEs have them: "这是什么？", "怎么用这份题库？", "How to contribute".
const META_HEADING =
  /^(?:这是什么|这是啥|(?:怎么|如何)(?:用|使用|阅读)(?:这份|这篇|这页|本|这个|这些|此)\S*|(?:如何)?(?:参与)?贡献|(?:使用|阅读)(?:说明|指南|方法|建议)|学习(?:建议|路径)|更新(?:记录|日志)|致谢|授权(?:协议)?|许可(?:证|协议)?|版权(?:声明)?|联系(?:方式|我们|作者)?|关于(?:本|这个|我们|作者)\S*|license|contributing|how to contribute|how to (?:use|read) (?:this|these|it)\b.*|what is this|about(?: (?:this|me|us|the author)\b.*)?|acknowledge?ments|changelog|star[- ]history|donations?|sponsors?)(?:\s*[(（][^)）]*[)）])?[？?]?$/i;

/** A heading about the note or repository itself (usage, contributing, license), not an interview question. */
export function isMetaHeading(text: string): boolean {
  return META_HEADING.test(withoutSymbols(text));
}

const TOC_TITLE = /^(?:目录|本章目录|本文目录|文章目录|章节目录|table of contents|contents|toc|index|outline|索引)$/i;

/** `## 目录`, `Table of Contents`, `Index`: a heading over a table of contents. */
export function isTocTitle(text: string): boolean {
  return TOC_TITLE.test(withoutSymbols(text).replace(/[:：]$/, ''));
}

// Lists of links to other notes, kept as the note's references: "相关问题", "推荐阅读", "See also".
const RELATED_TITLE = /^(?:推荐阅读|延伸阅读|扩展阅读|相关阅读|相关链接|相关问题|相关题目|相关文章|related(?: questions| links| reading| notes| articles)?|see also)$/i;

/** A heading or line that opens a list of related links rather than questions. */
export function isRelatedTitle(text: string): boolean {
  return RELATED_TITLE.test(withoutSymbols(text).replace(/[:：]$/, ''));
}

// `# Question (EN)` / `# 问题 (ZH)` / `# Вопрос (RU)` over the question, `## Answer (EN)` / `## 回答 (ZH)` over its answer.
const LANGUAGE_TAG = String.raw`(?:\s*[(（]\s*([A-Za-z]{2,3}|中文|英文)\s*[)）])?`;
const QUESTION_LABEL = new RegExp(`^(?:question|вопрос|问题|题目)${LANGUAGE_TAG}$`, 'i');
const ANSWER_LABEL = new RegExp(`^(?:answer|ответ|回答|答案|解答|参考答案)${LANGUAGE_TAG}$`, 'i');

/** The language tag of a `Question (EN)` heading ('' without one), or undefined for any other heading. */
export function questionLabel(text: string): string | undefined {
  const match = QUESTION_LABEL.exec(withoutSymbols(text));
  return match ? languageTag(match[1]) : undefined;
}

/** The language tag of an `Answer (EN)` heading ('' without one), or undefined for any other heading. */
export function answerLabel(text: string): string | undefined {
  const match = ANSWER_LABEL.exec(withoutSymbols(text));
  return match ? languageTag(match[1]) : undefined;
}

function languageTag(tag: string | undefined): string {
  if (!tag) return '';
  if (tag === '中文') return 'zh';
  if (tag === '英文') return 'en';
  return tag.toLowerCase();
}

/** Leading emoji and symbols dropped: "🤝 如何贡献" reads as "如何贡献". */
export function withoutSymbols(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/^(?:\p{Extended_Pictographic}|\p{S}|\uFE0F|\u200D|\s)+/u, '')
    .trim();
}

/** `●`, `•`, `①`… at the start of a paragraph line: a bullet people type by hand. */
export const HAND_BULLET = /^\s*(?:[●•◆◇■□▪○◦►▶➤★☆]|[①-⑳])\s*/;
/** `Q:`, `Q1：`, `问：`, `问题：`, `Interviewer:` at the start of a line. */
export const QUESTION_MARKER = /^\s*(?:Q\s*\d*|问|问题|题目|Interviewer|面试官)\s*[:：]\s*/i;
/** `A:`, `答：`, `答案：`, `回答：`, `Candidate:` at the start of a line. */
export const ANSWER_MARKER = /^\s*(?:A\s*\d*|答|答案|回答|解答|Candidate|候选人)\s*[:：]\s*/i;
/** The one-letter speaker labels of an interview dialogue (`I:` asks, `C:` answers), read only where both occur. */
export const DIALOGUE_QUESTION = /^\s*I\s*[:：]\s*/;
export const DIALOGUE_ANSWER = /^\s*C\s*[:：]\s*/;

/** `#tag #tag/sub` alone on a line, as Obsidian writes tags. */
export const TAG_LINE = /^(?:#[\p{L}\p{N}_/-]+\s*)+$/u;

/** `[TOC]`, `[[toc]]`, `[toc]`: a renderer's table of contents marker. */
export const TOC_MARKER = /^\[\[?toc\]?\]$/i;

// What is left of a pointer once its links are gone: "具体可参考：", "请参考", "→", "查看完整文档", "see".
const POINTER_WORDS =
  /^(?:(?:具体|详细|更多|完整|点击)?(?:内容|答案|解答|详情)?(?:可|请)?(?:参考|参见|参阅|详见|见|查看|阅读|移步|看)?(?:完整)?(?:文档|答案|解答|详解|原文|链接|这里|此处|下文|资料)?|see|refer to|read|more|details|answer|full answer|view full document|click here)$/i;
const LINKS = /!?\[\[[^\]]*\]\]|!?\[(?:[^\]]|\\\])*\]\([^)]*\)|<https?:\/\/[^>]*>|https?:\/\/\S+/g;

/**
 * An answer that only sends the reader elsewhere: links (or bare URLs) with at most a pointer phrase around them
 * (`具体可参考：<url>`, `请参考[…](…)`, `→ [详解](…)`, `[查看完整文档 →](…)`).
 */
export function isPointerOnly(markdown: string): boolean {
  if (!markdown.match(LINKS)) return false;
  const rest = markdown
    .replace(LINKS, ' ')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, ' ')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  return POINTER_WORDS.test(rest);
}
