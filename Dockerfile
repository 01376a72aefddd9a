# Switchboard on Node 22 LTS. Uses an external Postgres (DATABASE_URL); no embedded one.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build && node scripts/build-server.mjs

FROM node:22-bookworm-slim
ENV NODE_ENV=production BUILD_CLIENT=false SEED_DEMO=false HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json tsconfig.json ./
COPY server ./server
COPY shared ./shared
COPY migrations ./migrations
COPY scripts ./scripts
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:3000/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Run node directly (not npm) so SIGTERM reaches the server and it drains gracefully; the
# compiled server and the flags of package.json's start script (see the README's "Memory").
CMD ["node", "--max-semi-space-size=4", "dist/server/main.js"]
