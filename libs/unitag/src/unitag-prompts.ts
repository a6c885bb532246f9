/**
 * Magpie's three LLM tagging prompts, as `exp/str_utils.py` builds them (`input_difficulty_rating`,
 * `input_quality_rating`, `input_classification`), character for character after Python's f-string
 * processing. Each prompt is the user message; Magpie's unitag.py then prefills the assistant turn
 * with "{" and stops at "}" (see UNITAG_SAMPLING).
 */

/** The tagging missions that ask an LLM (unitag.py's `--tag_mission`). */
export const UNITAG_MISSIONS = ['difficulty', 'quality', 'classification'] as const;
export type UnitagMission = (typeof UNITAG_MISSIONS)[number];

/** Lines are listed one by one so that trailing spaces, which Magpie's prompts have, stay visible. */
const FENCE = '```';

const DIFFICULTY_HEAD = [
  '',
  '# Instruction ',
  '',
  'You first need to identify the given user intent and then label the difficulty level of the user query based on the content of the user query.',
  '',
  '## User Query',
  FENCE,
];
const DIFFICULTY_TAIL = [
  FENCE,
  '',
  '## Output Format',
  'Given the user query, in your output, you first need to identify the user intent and the knowledge needed to solve the task in the user query.',
  'Then, rate the difficulty level of the user query as `very easy`, `easy`, `medium`, `hard`, or `very hard`.',
  '',
  'Now, please output the user intent and difficulty level below in a json format by filling in the placeholders in []:',
  FENCE,
  '{   ',
  '    "intent": "The user wants to [....]",',
  '    "knowledge": "To solve this problem, the models need to know [....]",',
  '    "difficulty": "[very easy/easy/medium/hard/very hard]"',
  '}',
  FENCE,
  '',
];

const QUALITY_HEAD = [
  '',
  '# Instruction',
  '',
  'You need to rate the quality of the user query based on its clarity, specificity, and coherence.',
  '',
  'The rating scale is as follows:',
  '',
  '- very poor: The query is unclear, vague, or incoherent. It lacks essential information and context.',
  '- poor: The query is somewhat unclear or lacks important details. It requires significant clarification.',
  '- average: The query is moderately clear and specific. It may require some additional information for a complete understanding.',
  "- good: The query is clear, specific, and mostly well-formed. It provides sufficient context for understanding the user's intent.",
  '- excellent: The query is very clear, specific, and well-articulated. It contains all the necessary information and context for providing a comprehensive response.',
  '',
  '## User Query',
  FENCE,
];
const QUALITY_TAIL = [
  FENCE,
  '',
  '## Output Format',
  'Given the user query, you first need to give an assesement, highlighting the strengths and/or weaknesses of the user query.',
  'Then, you need to output a rating from very poor to excellent by filling in the placeholders in [...]:',
  FENCE,
  '{   ',
  '    "explanation": "[...]",',
  '    "input_quality": "[very poor/poor/average/good/excellent]"',
  '}',
  FENCE,
  '',
];

const CLASSIFICATION_HEAD = [
  '',
  '# Instruction',
  '',
  'Please label the task tags for the user query.',
  '',
  '## User Query',
  FENCE,
];
const CLASSIFICATION_TAIL = [
  FENCE,
  '',
  '## Tagging the user input',
  'Please label the task tags for the user query. You will need to analyze the user query and select the most relevant task tag from the list below.',
  '',
  'all_task_tags = [',
  '    "Information seeking",  # Users ask for specific information or facts about various topics.',
  '    "Reasoning",  # Queries require logical thinking, problem-solving, or processing of complex ideas.',
  '    "Planning",  # Users need assistance in creating plans or strategies for activities and projects.',
  '    "Editing",  # Involves editing, rephrasing, proofreading, or other tasks related to the composition of general written content.',
  '    "Coding & Debugging",  # Users seek help with writing, reviewing, or fixing code in programming.',
  '    "Math",  # Queries related to mathematical concepts, problems, and calculations.',
  '    "Role playing",  # Users engage in scenarios requiring ChatGPT to adopt a character or persona.',
  '    "Data analysis",  # Requests involve interpreting data, statistics, or performing analytical tasks.',
  '    "Creative writing",  # Users seek assistance with crafting stories, poems, or other creative texts. ',
  '    "Advice seeking",  # Users ask for recommendations or guidance on various personal or professional issues.',
  '    "Brainstorming",  # Involves generating ideas, creative thinking, or exploring possibilities. ',
  '    "Others"  # Any queries that do not fit into the above categories or are of a miscellaneous nature.',
  ']',
  '',
  '## Output Format:',
  'Note that you can only select a single primary tag. Other applicable tags can be added to the list of other tags.',
  'Now, please output your tags below in a json format by filling in the placeholders in <...>:',
  FENCE,
  '{ ',
  '    "primary_tag": "<primary tag>",',
  '    "other_tags": ["<tag 1>", "<tag 2>", ... ]',
  '}',
  FENCE,
  '',
];

/** The text before and after the user query in each mission's prompt. */
export const UNITAG_PROMPT_PARTS: Readonly<Record<UnitagMission, { readonly head: string; readonly tail: string }>> = {
  difficulty: { head: `${DIFFICULTY_HEAD.join('\n')}\n`, tail: `\n${DIFFICULTY_TAIL.join('\n')}` },
  quality: { head: `${QUALITY_HEAD.join('\n')}\n`, tail: `\n${QUALITY_TAIL.join('\n')}` },
  classification: { head: `${CLASSIFICATION_HEAD.join('\n')}\n`, tail: `\n${CLASSIFICATION_TAIL.join('\n')}` },
};

/** Magpie's `input_difficulty_rating(input)`: intent, knowledge and a difficulty from very easy to very hard. */
export function difficultyPrompt(input: string): string {
  return unitagPrompt('difficulty', input);
}

/** Magpie's `input_quality_rating(input)`: an explanation and a quality from very poor to excellent. */
export function qualityPrompt(input: string): string {
  return unitagPrompt('quality', input);
}

/** Magpie's `input_classification(input)`: one primary task tag and other tags. */
export function classificationPrompt(input: string): string {
  return unitagPrompt('classification', input);
}

/** The user message of `mission` for the query `input`. */
export function unitagPrompt(mission: UnitagMission, input: string): string {
  const { head, tail } = UNITAG_PROMPT_PARTS[mission];
  return `${head}${input}${tail}`;
}
