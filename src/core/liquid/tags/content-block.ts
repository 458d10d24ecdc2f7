import { type Context, type Emitter, type Liquid, Tag, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { rewriteBrazeSyntax } from '../braze-syntax';
import { sessionOf } from '../render-session';

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
    const session = sessionOf(ctx);
    const read = session?.deps.readContentBlock;
    if (!session || !read) throw new Error(`content block "${this.blockName}" cannot be read here`);
    if (session.contentBlockDepth >= 2) return;
    const source = read(this.blockName);
    if (source === undefined) throw new Error(`content block "${this.blockName}" not found (looked for content_blocks/${this.blockName}.liquid)`);
    const templates: Template[] = this.liquid.parse(rewriteBrazeSyntax(source).source);
    session.contentBlockDepth++;
    try {
      yield this.liquid.renderer.renderTemplates(templates, ctx, emitter);
    } finally {
      session.contentBlockDepth--;
    }
  }
}
