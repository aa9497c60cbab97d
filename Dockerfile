# OneWindow API and worker images: multi-stage, non-root.
# NOT BUILT HERE: the development machines have no container engine. Build and run with e.g.
#   docker build --target api -t onewindow-api .    &&  docker build --target worker -t onewindow-worker .
# The browser app, when present in apps/web, is built by `npm run build` into dist and served by the API.

FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Compiles TypeScript and bundles the workflow code once into dist/workflow-bundle.js.
RUN npm run build

FROM node:20-bookworm-slim AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS base
ENV NODE_ENV=production
WORKDIR /app
COPY --from=runtime-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /src/dist ./dist
COPY --from=build --chown=node:node /src/definitions ./definitions
COPY --chown=node:node package.json ./
USER node

FROM base AS api
ENV API_PORT=3000 API_HOST=0.0.0.0
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.API_PORT+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/apps/api/src/main.js"]

FROM base AS worker
CMD ["node", "dist/apps/worker/src/main.js"]
