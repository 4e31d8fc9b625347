using System.Globalization;

namespace Workers.Benchmarks.Builds;

// Distinct user components of the size the product sees (~80 lines: state, a list, a form, a click handler), so no
// build in a run can be served from a bundler's or our own cache.
internal static class Components
{
    public static string Distinct(int n)
    {
        var id = n.ToString(CultureInfo.InvariantCulture);
        return $$$"""
            import { useState, useMemo } from "react";

            const TITLE = "Preview {{{id}}}";
            const SEED = {{{id}}};

            function Row({ item, onToggle }) {
              return (
                <li style={{ textDecoration: item.done ? "line-through" : "none" }}>
                  <label>
                    <input type="checkbox" checked={item.done} onChange={() => onToggle(item.id)} />
                    {item.text}
                  </label>
                </li>
              );
            }

            function Summary({ items }) {
              const done = items.filter((i) => i.done).length;
              return (
                <p className="summary">
                  {done} of {items.length} done
                </p>
              );
            }

            export default function App() {
              const [count, setCount] = useState(SEED % 7);
              const [text, setText] = useState("");
              const [items, setItems] = useState(() =>
                Array.from({ length: 3 }, (_, i) => ({ id: i, text: `Task ${SEED}-${i}`, done: false })),
              );
              const total = useMemo(() => items.reduce((sum, i) => sum + i.text.length, 0), [items]);

              function add(event) {
                event.preventDefault();
                if (!text.trim()) return;
                setItems((current) => [...current, { id: current.length, text, done: false }]);
                setText("");
              }

              function toggle(id) {
                setItems((current) => current.map((i) => (i.id === id ? { ...i, done: !i.done } : i)));
              }

              return (
                <main>
                  <h1>{TITLE}</h1>
                  <button type="button" onClick={() => setCount((c) => c + 1)}>
                    Clicked {count} times
                  </button>
                  <form onSubmit={add}>
                    <input value={text} onChange={(e) => setText(e.target.value)} placeholder="New task" />
                    <button type="submit">Add</button>
                  </form>
                  <ul>
                    {items.map((item) => (
                      <Row key={item.id} item={item} onToggle={toggle} />
                    ))}
                  </ul>
                  <Summary items={items} />
                  <footer>
                    {total} characters in {items.length} tasks
                  </footer>
                </main>
              );
            }
            """;
    }
}
