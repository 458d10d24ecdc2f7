import { type Context, Drop, type Emitter, type Liquid, Tag, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { rewriteBrazeSyntax } from '../braze-syntax';
import { sessionOf } from '../render-session';

/** Braze renders a Content Block inside a Content Block, but nothing nested deeper. */
const MAX_CONTENT_BLOCK_DEPTH = 2;

/**
 * `{{content_blocks.${name}}}`, rewritten to this internal tag. The block's text is Braze Liquid
 * rendered in the current scope. Braze renders nesting only one level deep (deeper blocks vanish).
 * https://www.braze.com/docs/user_guide/engagement_tools/templates_and_media/content_blocks/
 */
export class ContentBlockTag extends Tag {
  readonly blockName: string;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.blockName = JSON.parse(token.args.trim()) as string;
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    yield renderContentBlock(this.liquid, ctx, this.blockName, emitter);
  }
}

/**
 * `content_blocks` as a value, for every place other than a bare output: `{% assign x =
 * {{content_blocks.${name}}} | split: ',' %}` (Braze's "avoid sending to blocked emails" use
 * case), `{{content_blocks.${name} | upcase}}`, `{% if content_blocks.${name} contains … %}`.
 * Reading `content_blocks.<name>` renders the block to text in the current scope.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/liquid_use_cases/#misc-avoid-blocked-emails
 */
export class ContentBlocksDrop extends Drop {
  override liquidMethodMissing(name: string | number, ctx: Context): unknown {
    const liquid = (ctx as Context & { liquid?: Liquid }).liquid;
    if (!liquid) throw new Error(`content block "${name}" cannot be rendered here`);
    return renderContentBlock(liquid, ctx, String(name));
  }

  /** The namespace itself prints nothing (Braze has no value for `{{content_blocks}}`). */
  override valueOf(): string {
    return '';
  }
}

/** The one drop every render puts in its globals: it holds no state. */
export const CONTENT_BLOCKS_DROP = new ContentBlocksDrop();

/** Renders a block into `emitter`, or returns its text when there is none (liquidjs runs the generator). */
function* renderContentBlock(liquid: Liquid, ctx: Context, name: string, emitter?: Emitter): Generator<unknown, string, unknown> {
  const templates = parseContentBlock(liquid, ctx, name);
  if (!templates) return '';
  const session = sessionOf(ctx);
  if (session) session.contentBlockDepth++;
  try {
    return (yield liquid.renderer.renderTemplates(templates, ctx, emitter)) as string;
  } finally {
    if (session) session.contentBlockDepth--;
  }
}

/** The block's templates; undefined when nesting is too deep (Braze renders nothing there). */
function parseContentBlock(liquid: Liquid, ctx: Context, name: string): Template[] | undefined {
  const session = sessionOf(ctx);
  const read = session?.deps.readContentBlock;
  if (!session || !read) throw new Error(`content block "${name}" cannot be read here`);
  if (session.contentBlockDepth >= MAX_CONTENT_BLOCK_DEPTH) return undefined;
  const source = read(name);
  if (source === undefined) throw new Error(`content block "${name}" not found (looked for content_blocks/${name}.liquid)`);
  return liquid.parse(rewriteBrazeSyntax(source).source);
}
