import { useState } from "react";

// The sample component run.sh builds: a counter whose button changes its state.
export default function App() {
  const [count, setCount] = useState(0);
  return (
    <main style={{ fontFamily: "sans-serif", padding: 24 }}>
      <h1>Hello from the build worker</h1>
      <p>Clicked {count} {count === 1 ? "time" : "times"}</p>
      <button onClick={() => setCount((c) => c + 1)}>Click me</button>
    </main>
  );
}
