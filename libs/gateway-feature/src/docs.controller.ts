import { Controller, Get, Header } from '@nestjs/common';
import { buildOpenApiDocument } from '@hyperdex/contracts';
import { renderDocsPage } from './docs-page';

/** The API's description, open to anyone: generated once from the contracts at start-up. */
@Controller('docs')
export class DocsController {
  private readonly document = buildOpenApiDocument();
  private readonly page = renderDocsPage(this.document);

  @Get('openapi.json')
  openapi(): Record<string, unknown> {
    return this.document;
  }

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  html(): string {
    return this.page;
  }
}
