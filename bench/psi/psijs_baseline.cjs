// The baseline of bench/psi: OpenMined's psi.js (ECDH-PSI over P-256, compiled to WebAssembly, one
// thread) running its server and its client in one process, as bench_psi runs both of Jala's sides.
// Usage: NODE_PATH=DIR/node_modules node bench/psi/psijs_baseline.cjs CLIENT_SIZE SERVER_SIZE SHARED [raw|gcs]
// The client learns the intersection (revealIntersection = true). Elements are "phone:+84" and nine
// digits, as in bench_psi; SHARED of them are in both sets. Prints one line per step and the total.
'use strict';
const PSI = require('@openmined/psi.js');

function phones(first, count) {
  return Array.from({length: count}, (_, i) => `phone:+84${String(first + i).padStart(9, '0')}`);
}

(async () => {
  const [clientSize, serverSize, shared] = process.argv.slice(2, 5).map(Number);
  const structureName = process.argv[5] || 'raw';
  const psi = await PSI();
  const structure = structureName === 'gcs' ? psi.dataStructure.GCS : psi.dataStructure.Raw;
  const clientInputs = phones(0, clientSize);
  const serverInputs = phones(clientSize - shared, serverSize);
  const fpr = 1e-9;
  const steps = [];
  const time = (name, work) => {
    const start = process.hrtime.bigint();
    const result = work();
    steps.push([name, Number(process.hrtime.bigint() - start) / 1e9]);
    return result;
  };
  const begin = process.hrtime.bigint();
  const server = psi.server.createWithNewKey(true);
  const client = psi.client.createWithNewKey(true);
  const setup = time('server setup', () => server.createSetupMessage(fpr, clientSize, serverInputs, structure));
  const request = time('client request', () => client.createRequest(clientInputs).serializeBinary());
  const response = time('server response',
                        () => server.processRequest(psi.request.deserializeBinary(request)).serializeBinary());
  const setupBytes = setup.serializeBinary();
  const found = time('client intersection', () => client.getIntersection(
      psi.serverSetup.deserializeBinary(setupBytes), psi.response.deserializeBinary(response)));
  const total = Number(process.hrtime.bigint() - begin) / 1e9;
  for (const [name, seconds] of steps) {
    console.log(`psi.js ${name}: ${seconds.toFixed(3)} s`);
  }
  console.log(`psi.js ${structureName} ${clientSize} x ${serverSize}: ${total.toFixed(3)} s, ` +
              `${found.length} shared (want ${shared}), messages ${request.length + response.length + setupBytes.length} bytes`);
  if (found.length < shared) {
    process.exitCode = 1;
  }
  server.delete();
  client.delete();
})();
