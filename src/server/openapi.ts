/**
 * The OpenAPI 3.1 description of Dyad's HTTP API, served at /api/openapi.json.
 * Kept by hand next to app.ts; test/api checks every documented path answers.
 */

const envelopeOf = (data: Record<string, unknown>) => ({
  type: 'object',
  required: ['ok', 'data'],
  properties: { ok: { const: true }, data, meta: { type: 'object' } },
});

const errorResponse = {
  description: 'An error envelope',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
};

const ok = (description: string, data: Record<string, unknown>) => ({
  description,
  content: { 'application/json': { schema: envelopeOf(data) } },
});

const intQuery = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'integer', minimum: 0 },
});

const kindsQuery = {
  name: 'kinds',
  in: 'query',
  required: false,
  description:
    'Comma-separated finding kinds: sentence, timex, mention, event, observation, claim, itinerary',
  schema: { type: 'string' },
};

const docIdPath = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

const errors = { '400': errorResponse, '401': errorResponse, '404': errorResponse };

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Dyad API',
    version: '0.1.0',
    description:
      'Documents, findings and search over a Dyad store. Every route except this description answers with the ' +
      'envelope {ok:true,data,meta?} or {ok:false,error:{code,message}}. When the server runs with a token, send ' +
      '`Authorization: Bearer TOKEN`.',
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      ErrorEnvelope: {
        type: 'object',
        required: ['ok', 'error'],
        properties: {
          ok: { const: false },
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
      Span: {
        type: 'object',
        required: ['docId', 'start', 'end'],
        properties: { docId: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' } },
      },
      Finding: {
        type: 'object',
        description: 'A finding; `kind` selects the record shape (see src/domain/model.ts).',
        required: ['kind', 'id', 'docId', 'evidence', 'extractor'],
        properties: {
          kind: {
            enum: ['sentence', 'timex', 'mention', 'event', 'observation', 'claim', 'itinerary'],
          },
          id: { type: 'string' },
          docId: { type: 'string' },
          evidence: { type: 'array', items: { $ref: '#/components/schemas/Span' } },
          extractor: {
            type: 'object',
            properties: { name: { type: 'string' }, version: { type: 'string' } },
          },
        },
        additionalProperties: true,
      },
      DocumentSummary: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: { type: ['string', 'null'] },
          source: { type: ['string', 'null'] },
          publisher: { type: ['string', 'null'] },
          published: { type: ['string', 'null'] },
          retrieved: { type: 'string' },
          format: { enum: ['text', 'markdown', 'html', 'pdf'] },
          language: { type: 'string' },
          chars: { type: 'integer' },
          pipeline: { type: 'string' },
          ingestedAt: { type: 'string' },
          findingCounts: { type: 'object', additionalProperties: { type: 'integer' } },
        },
      },
      Document: {
        type: 'object',
        required: ['kind', 'id', 'text'],
        properties: {
          kind: { const: 'document' },
          id: { type: 'string' },
          title: { type: ['string', 'null'] },
          published: { type: ['string', 'null'] },
          text: { type: 'string' },
        },
        additionalProperties: true,
      },
      SearchHit: {
        type: 'object',
        properties: {
          docId: { type: 'string' },
          title: { type: ['string', 'null'] },
          start: { type: 'integer' },
          end: { type: 'integer' },
          sentence: { type: 'string' },
          snippet: { type: 'string' },
          matches: {
            type: 'array',
            items: {
              type: 'object',
              properties: { start: { type: 'integer' }, end: { type: 'integer' } },
            },
          },
          rank: { type: 'number' },
        },
      },
      PairPeriod: {
        type: 'object',
        properties: {
          period: { type: 'string' },
          count: { type: 'integer' },
          byOrigin: { type: 'object', additionalProperties: { type: 'integer' } },
          byType: { type: 'object', additionalProperties: { type: 'integer' } },
          cooperation: { type: 'integer' },
          conflict: { type: 'integer' },
          verbal: { type: 'integer' },
          material: { type: 'integer' },
          score: { type: ['number', 'null'], description: 'Mean intensity, −10 … +10' },
          cooperationShare: { type: ['number', 'null'] },
        },
      },
      UploadResult: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          status: { enum: ['inserted', 'replaced', 'unchanged', 'failed', 'skipped'] },
          docId: { type: ['string', 'null'] },
          title: { type: ['string', 'null'] },
          reason: { type: ['string', 'null'] },
          findings: { type: 'integer' },
        },
      },
    },
  },
  security: [{}, { bearer: [] }],
  paths: {
    '/api/health': {
      get: {
        summary: 'Server status and document count',
        responses: {
          '200': ok('Status', {
            type: 'object',
            properties: { status: { const: 'ok' }, documents: { type: 'integer' } },
          }),
          '401': errorResponse,
        },
      },
    },
    '/api/documents': {
      get: {
        summary: 'List stored documents with finding counts',
        parameters: [intQuery('limit', 'default 100'), intQuery('offset', 'default 0')],
        responses: {
          '200': ok('Documents', { type: 'array', items: { $ref: '#/components/schemas/DocumentSummary' } }),
          ...errors,
        },
      },
      post: {
        summary:
          'Ingest uploaded files (multipart field `files`) or pasted text (JSON {text, title?, published?})',
        requestBody: {
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } },
              },
            },
            'application/json': {
              schema: {
                type: 'object',
                required: ['text'],
                properties: {
                  text: { type: 'string' },
                  title: { type: 'string' },
                  published: { type: 'string' },
                },
              },
            },
          },
        },
        responses: {
          '200': ok('One result per file', {
            type: 'array',
            items: { $ref: '#/components/schemas/UploadResult' },
          }),
          '413': errorResponse,
          '415': errorResponse,
          ...errors,
        },
      },
    },
    '/api/documents/{id}': {
      get: {
        summary: 'A document with its normalised text (id or unambiguous prefix)',
        parameters: [docIdPath],
        responses: { '200': ok('The document', { $ref: '#/components/schemas/Document' }), ...errors },
      },
    },
    '/api/documents/{id}/findings': {
      get: {
        summary: "A document's findings",
        parameters: [docIdPath, kindsQuery],
        responses: {
          '200': ok('Findings', { type: 'array', items: { $ref: '#/components/schemas/Finding' } }),
          ...errors,
        },
      },
    },
    '/api/findings': {
      get: {
        summary: 'Findings across documents',
        parameters: [
          kindsQuery,
          { name: 'doc', in: 'query', required: false, schema: { type: 'string' } },
          intQuery('limit', 'default 1000'),
          intQuery('offset', 'default 0'),
        ],
        responses: {
          '200': ok('Findings', { type: 'array', items: { $ref: '#/components/schemas/Finding' } }),
          ...errors,
        },
      },
    },
    '/api/pair': {
      get: {
        summary: 'Pair analytics over coded and extracted events: counts, quad classes and score per period',
        parameters: [
          {
            name: 'a',
            in: 'query',
            required: true,
            schema: { type: 'string' },
            description: 'Actor id, e.g. PRK',
          },
          {
            name: 'b',
            in: 'query',
            required: true,
            schema: { type: 'string' },
            description: 'Actor id, e.g. RUS',
          },
          { name: 'by', in: 'query', required: false, schema: { enum: ['day', 'month', 'year'] } },
          {
            name: 'from',
            in: 'query',
            required: false,
            schema: { type: 'string' },
            description: 'YYYY[-MM[-DD]]',
          },
          {
            name: 'to',
            in: 'query',
            required: false,
            schema: { type: 'string' },
            description: 'YYYY[-MM[-DD]]',
          },
          { name: 'source', in: 'query', required: false, schema: { enum: ['all', 'coded', 'extracted'] } },
          { name: 'direction', in: 'query', required: false, schema: { enum: ['both', 'ab', 'ba'] } },
        ],
        responses: {
          '200': ok('Periods and total', {
            type: 'object',
            properties: {
              by: { enum: ['day', 'month', 'year'] },
              periods: { type: 'array', items: { $ref: '#/components/schemas/PairPeriod' } },
              total: { $ref: '#/components/schemas/PairPeriod' },
            },
          }),
          ...errors,
        },
      },
    },
    '/api/pairs': {
      get: {
        summary: 'The actor pairs with most events',
        parameters: [
          intQuery('limit', 'default 20'),
          { name: 'source', in: 'query', required: false, schema: { enum: ['all', 'coded', 'extracted'] } },
        ],
        responses: {
          '200': ok('Pairs', {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                a: { type: 'string' },
                b: { type: 'string' },
                count: { type: 'integer' },
                coded: { type: 'integer' },
                extracted: { type: 'integer' },
              },
            },
          }),
          ...errors,
        },
      },
    },
    '/api/search': {
      get: {
        summary: 'Full-text search over documents; hits are the sentences that hold every query word',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string' } },
          intQuery('limit', 'default 50'),
        ],
        responses: {
          '200': ok('Hits', { type: 'array', items: { $ref: '#/components/schemas/SearchHit' } }),
          ...errors,
        },
      },
    },
    '/api/grades': {
      get: {
        summary: 'Admiralty grades given to documents and claim holders',
        responses: { '200': ok('Grades by document id and by holder', { type: 'object' }), ...errors },
      },
      put: {
        summary: 'Grade a document or a claim holder (grade null removes it); returns all grades',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['kind', 'id', 'grade'],
                properties: {
                  kind: { type: 'string', enum: ['document', 'holder'] },
                  id: { type: 'string' },
                  grade: { type: ['string', 'null'], example: 'B2' },
                },
              },
            },
          },
        },
        responses: { '200': ok('Grades by document id and by holder', { type: 'object' }), ...errors },
      },
    },
  },
} as const;
