import { clusterSuite } from './realtime-cluster-suite';

// Two server processes, CLUSTER=postgres (LISTEN/NOTIFY + the attachment table).
clusterSuite('postgres');
