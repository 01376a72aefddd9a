import { chatClusterSuite } from './chat-cluster-suite';

// Two server processes, CLUSTER=postgres.
chatClusterSuite('postgres');
