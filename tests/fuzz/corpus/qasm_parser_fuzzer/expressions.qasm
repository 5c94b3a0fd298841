// comments, whitespace and angle arithmetic
OPENQASM 2.0;
include "qelib1.inc";

qreg q[4];   // four qubits
rx( -(pi/2 + 0.5) * 2 ) q[0];
ry(((1.5e-1))) q[1];
rz(-pi) q[2];
u3(pi/2,-pi/2,pi/2) q[3];
barrier q;
