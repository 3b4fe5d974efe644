import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity } from './analysis.js';
import { entityKey } from './entityKey.js';
import { entityKey as findEntitiesKey } from '../understand/entities/findEntities.js';

// understand/entities/findEntities.ts re-exports this one: analysis and
// storage must key entities alike, or saveAnalyses would store keys the
// clusterer and the entity pages never ask for.
const cases: { name: string; entity: Pick<Entity, 'name' | 'type'>; key: string }[] = [
  { name: 'accents folded', entity: { name: 'Médecins Sans Frontières', type: 'organization' }, key: 'organization:medecins sans frontieres' },
  { name: 'spaces collapsed', entity: { name: 'Viktor  Yanukovych', type: 'person' }, key: 'person:viktor yanukovych' },
  { name: 'curly apostrophe', entity: { name: 'Sinn Féin’s Mary Lou', type: 'person' }, key: "person:sinn fein's mary lou" },
  { name: 'Polish letters NFKD leaves (ł)', entity: { name: 'Zełenski', type: 'person' }, key: 'person:zełenski' },
  { name: 'trimmed', entity: { name: ' NATO ', type: 'organization' }, key: 'organization:nato' },
];

for (const c of cases) {
  test(`entityKey: ${c.name}`, () => {
    assert.equal(entityKey(c.entity), c.key);
    assert.equal(findEntitiesKey(c.entity), entityKey(c.entity));
  });
}
